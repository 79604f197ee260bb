package org.firstline.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.firstline.platform.BackgroundLoop;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Asks the database every second, on a connection of its own rather than one from the pool (a pool waiting for a
 * dead server is what made health checks take 30 s). Health and readiness answer from what it last saw, so they are
 * instant; an embedded server that died is started again.
 */
@Component("database")
class DatabaseWatch extends BackgroundLoop implements HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);
    private static final int CHECK_TIMEOUT_SECONDS = 2;

    private final @Nullable HikariDataSource pool;
    private final ObjectProvider<EmbeddedDatabaseConfiguration.EmbeddedDatabase> embedded;
    private volatile boolean available = true;
    private int failuresInARow;
    private @Nullable Connection connection;

    DatabaseWatch(DataSource dataSource, ObjectProvider<EmbeddedDatabaseConfiguration.EmbeddedDatabase> embedded) {
        super("database-watch", Duration.ofSeconds(1), true);
        this.pool = hikari(dataSource);
        this.embedded = embedded;
    }

    boolean available() {
        return available;
    }

    @Override
    public Health health() {
        return available
                ? Health.up().build()
                : Health.down()
                        .withDetail("reason", "the database cannot be reached")
                        .build();
    }

    @Override
    protected void step() {
        boolean reachable = check();
        if (reachable != available) {
            if (reachable) log.info("The database is reachable again");
            else log.error("The database cannot be reached; answering 503 until it is back");
        }
        available = reachable;
        failuresInARow = reachable ? 0 : failuresInARow + 1;
        if (failuresInARow >= 2) {
            embedded.ifAvailable(EmbeddedDatabaseConfiguration.EmbeddedDatabase::restartIfStopped);
        }
    }

    private boolean check() {
        if (pool == null) return true;
        try {
            if (connection == null || !connection.isValid(CHECK_TIMEOUT_SECONDS)) {
                close();
                var properties = new Properties();
                properties.putAll(pool.getDataSourceProperties());
                if (pool.getUsername() != null) properties.setProperty("user", pool.getUsername());
                if (pool.getPassword() != null) properties.setProperty("password", pool.getPassword());
                properties.setProperty("connectTimeout", Integer.toString(CHECK_TIMEOUT_SECONDS));
                properties.setProperty("socketTimeout", Integer.toString(CHECK_TIMEOUT_SECONDS * 2));
                properties.setProperty("loginTimeout", Integer.toString(CHECK_TIMEOUT_SECONDS));
                properties.setProperty("ApplicationName", "firstline-watch");
                connection = DriverManager.getConnection(pool.getJdbcUrl(), properties);
            }
            return true;
        } catch (SQLException e) {
            close();
            // only a server out of reach is an outage; a refused login or a full server is not solved by a 503
            return !DatabaseOutage.causedBy(e);
        }
    }

    private void close() {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is already gone; nothing to release
        }
        connection = null;
    }

    /** The connection is opened and closed on the watch's own thread only. */
    @Override
    protected void stopped() {
        close();
    }

    private static @Nullable HikariDataSource hikari(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}

package org.firstline.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.firstline.platform.FirstlineSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no datasource URL configured, Firstline runs its own PostgreSQL. In run mode its data lives in
 * {@code <data-dir>/postgres} and survives restarts; in tests one throwaway server serves the whole JVM and every
 * application context gets a fresh database of its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean
    EmbeddedDatabase embeddedDatabase(FirstlineSettings settings) {
        if (settings.ephemeralDatabase()) {
            return new EmbeddedDatabase(
                    SharedTestServer.INSTANCE.server(),
                    "test_" + UUID.randomUUID().toString().replace("-", ""),
                    false);
        }
        Path dataDirectory = settings.dataDir().resolve("postgres");
        var server = EmbeddedPostgresServer.start(dataDirectory, true);
        log.info("Embedded PostgreSQL on port {} with data in {}", server.port(), dataDirectory.toAbsolutePath());
        return new EmbeddedDatabase(server, "postgres", true);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedDatabase database, FirstlineSettings settings) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(settings.ephemeralDatabase() ? 8 : 24);
        dataSource.setPoolName("firstline");
        dataSource.setConnectionTimeout(5_000);
        // JIT compiling a query costs ~100 ms, more than any query of a desk saves by it
        dataSource.addDataSourceProperty("options", "-c jit=off");
        return dataSource;
    }

    /** The database this context uses; stops the server with the context unless the server is shared. */
    static final class EmbeddedDatabase implements AutoCloseable {
        private volatile EmbeddedPostgresServer server;
        private final String name;
        private final boolean ownsServer;

        EmbeddedDatabase(EmbeddedPostgresServer server, String name, boolean ownsServer) {
            this.server = server;
            this.name = name;
            this.ownsServer = ownsServer;
            if (!"postgres".equals(name)) {
                create(name);
            }
        }

        String jdbcUrl() {
            return server.jdbcUrl(name);
        }

        String password() {
            return server.password();
        }

        /** Starts our own server again when nothing answers on its port any more (its process was killed). */
        synchronized void restartIfStopped() {
            if (!ownsServer || server.accepting()) {
                return;
            }
            try {
                server = server.restart();
            } catch (RuntimeException e) {
                log.error("The embedded PostgreSQL did not start again; trying again shortly", e);
            }
        }

        private void create(String database) {
            try (var connection =
                            DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", server.password());
                    var statement = connection.createStatement()) {
                statement.execute("create database " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create database " + database, e);
            }
        }

        @Override
        public void close() {
            if (ownsServer) {
                server.close();
            }
        }
    }

    /** One server per test JVM, started on first use and stopped when the JVM exits. */
    @SuppressWarnings(
            "ImmutableEnumChecker") // a lazy, synchronized singleton: the enum holds the one server on purpose
    private enum SharedTestServer {
        INSTANCE;

        private @Nullable EmbeddedPostgresServer server;

        synchronized EmbeddedPostgresServer server() {
            if (server == null) {
                try {
                    Path directory = Files.createTempDirectory("firstline-test-db");
                    server = EmbeddedPostgresServer.start(directory.resolve("postgres"), false);
                    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return server;
        }
    }
}

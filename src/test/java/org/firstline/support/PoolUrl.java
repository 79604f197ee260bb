package org.firstline.support;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The URL a context's pool connects to, for a second node started on the same database. */
public final class PoolUrl {
    private PoolUrl() {}

    public static String of(DataSource dataSource) {
        try {
            return dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.firstline.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded PostgreSQL's superuser password: random, kept beside the data in {@code postgres-password} (readable by
 * its owner only), and required for every connection. The library creates the server trusting anyone on the machine;
 * without this, any local user or process could read and change every ticket, skipping the audit trail.
 */
final class EmbeddedSuperuserPassword {
    private static final String FILE = "postgres-password";

    private EmbeddedSuperuserPassword() {}

    /** The password of the server whose data lives in {@code dataDirectory}, made on its first start. */
    static String of(Path dataDirectory) {
        Path file = dataDirectory.resolveSibling(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password, StandardCharsets.US_ASCII);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the embedded PostgreSQL's password in " + file, e);
        }
    }

    /**
     * Sets the password and makes the server ask for it, on every start: the first start of a new data directory
     * trusts everyone until this has run, and a crash before it finished leaves it to the next start.
     */
    static void require(String jdbcUrl, Path dataDirectory, String password) {
        var credentials = new Properties();
        credentials.setProperty("user", "postgres");
        credentials.setProperty("password", password);
        try (var connection = DriverManager.getConnection(jdbcUrl, credentials);
                var statement = connection.createStatement()) {
            // a random base64url string: nothing in it needs quoting
            statement.execute("alter role postgres password '" + password + "'");
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                    # written by Firstline: every connection gives the password in ../postgres-password
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """, StandardCharsets.US_ASCII);
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not require a password on the embedded PostgreSQL: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

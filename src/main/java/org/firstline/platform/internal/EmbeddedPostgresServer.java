package org.firstline.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A PostgreSQL server run from the binaries on the classpath, its data kept in a directory of ours. */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean durable;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean durable, String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.durable = durable;
        this.password = password;
    }

    /**
     * Starts the server. A durable server runs with fsync and synchronous commit on (the library turns both off,
     * which is only acceptable for throwaway test data) and asks every connection for its password; a throwaway one,
     * in a temporary directory for tests, trusts local connections.
     */
    static EmbeddedPostgresServer start(Path dataDirectory, boolean durable) {
        return start(dataDirectory, durable, 0);
    }

    /** The same server again after its postmaster died, on the same port, so the pool's URL still leads to it. */
    EmbeddedPostgresServer restart() {
        log.warn("Starting the embedded PostgreSQL again on port {}", port());
        try {
            postgres.close();
        } catch (IOException | RuntimeException alreadyDead) {
            log.debug("Stopping the dead server failed as expected", alreadyDead);
        }
        return start(dataDirectory, durable, port());
    }

    boolean accepting() {
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("localhost", port()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, boolean durable, int port) {
        ensureWritable(
                Objects.requireNonNull(dataDirectory.getParent(), "the data directory is inside firstline.data-dir"));
        stopStalePostmaster(dataDirectory);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("listen_addresses", "localhost");
        if (port > 0) {
            builder.setPort(port);
        }
        String password = durable ? EmbeddedSuperuserPassword.of(dataDirectory) : "";
        if (durable) {
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setConnectConfig("password", password);
        } else {
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        try {
            var server = new EmbeddedPostgresServer(builder.start(), dataDirectory, durable, password);
            if (durable) {
                EmbeddedSuperuserPassword.require(server.jdbcUrl("postgres"), dataDirectory, password);
            }
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not start the embedded PostgreSQL in " + dataDirectory.toAbsolutePath() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    /** Empty for a throwaway server, which trusts local connections. */
    String password() {
        return password;
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ensureWritable(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The data directory " + directory.toAbsolutePath() + " cannot be created (" + e
                            + "). Set firstline.data-dir to a writable directory.",
                    e);
        }
        if (!Files.isWritable(directory)) {
            throw new IllegalStateException("The data directory " + directory.toAbsolutePath()
                    + " is not writable. Fix its permissions or set firstline.data-dir to a writable directory.");
        }
    }

    /** After a crash of the JVM the postmaster lives on and holds the data directory; stop it before we start. */
    private static void stopStalePostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster =
                readPid(pidFile).flatMap(ProcessHandle::of).filter(EmbeddedPostgresServer::isPostgres);
        if (postmaster.isPresent()) {
            ProcessHandle process = postmaster.get();
            log.warn("Stopping a stale embedded PostgreSQL (pid {}) left by an earlier run", process.pid());
            process.destroy();
            try {
                process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> command.endsWith("postgres"))
                .orElse(true);
    }
}

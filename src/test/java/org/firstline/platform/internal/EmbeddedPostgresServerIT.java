package org.firstline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIT {

    @TempDir
    Path dir;

    @Test
    void runsDurablyWithFsyncAndSynchronousCommitOnAndKeepsDataAcrossRestarts() throws Exception {
        Path data = dir.resolve("postgres");
        try (var server = EmbeddedPostgresServer.start(data, true);
                var c = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", server.password())) {
            assertThat(setting(c, "fsync")).isEqualTo("on");
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            c.createStatement().execute("create table kept (v text); insert into kept values ('survives')");
        }
        try (var server = EmbeddedPostgresServer.start(data, true);
                var c = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", server.password())) {
            var rs = c.createStatement().executeQuery("select v from kept");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("survives");
        }
    }

    @Test
    void aDurableServerAsksEveryConnectionForItsPasswordKeptForItsOwnerOnly() throws Exception {
        Path data = dir.resolve("postgres");
        String password;
        try (var server = EmbeddedPostgresServer.start(data, true)) {
            password = server.password();
            assertThat(password).hasSizeGreaterThan(20);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", ""))
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "guess"))
                    .hasMessageContaining("password authentication failed");
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("postgres-password"))
                        .toString())
                .isEqualTo("[OWNER_READ, OWNER_WRITE]");
        try (var again = EmbeddedPostgresServer.start(data, true);
                var c = DriverManager.getConnection(again.jdbcUrl("postgres"), "postgres", again.password())) {
            assertThat(again.password()).as("the same password after a restart").isEqualTo(password);
            assertThat(c.createStatement().executeQuery("select 1").next()).isTrue();
        }
    }

    @Test
    void recoversTheDataDirectoryFromAPostmasterLeftRunningByACrash() throws Exception {
        Path data = dir.resolve("postgres");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingServer.class.getName(),
                        data.toString())
                .redirectErrorStream(true)
                .start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.equals("ready")) {
            // wait until the child's PostgreSQL accepts connections
        }
        assertThat(line).isEqualTo("ready");
        long stalePid = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        child.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(stalePid).map(ProcessHandle::isAlive).orElse(false))
                .as("the postmaster outlives the killed JVM")
                .isTrue();
        try (var server = EmbeddedPostgresServer.start(data, false);
                var c = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "")) {
            assertThat(ProcessHandle.of(stalePid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            assertThat(c.createStatement().executeQuery("select 1").next()).isTrue();
        }
    }

    @Test
    void saysClearlyWhenTheDataDirectoryIsNotWritable() throws Exception {
        Path readOnly = dir.resolve("ro");
        Files.createDirectories(readOnly);
        Path blocker = readOnly.resolve("file");
        Files.writeString(blocker, "not a directory");
        assertThatThrownBy(() ->
                        EmbeddedPostgresServer.start(blocker.resolve("sub").resolve("postgres"), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("data directory");
    }

    private static String setting(java.sql.Connection c, String name) throws Exception {
        var rs = c.createStatement().executeQuery("show " + name);
        rs.next();
        return rs.getString(1);
    }
}

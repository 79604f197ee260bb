package org.firstline.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/** Starts the benchmark's PostgreSQL again on its data directory (port 55432), to look at plans by hand. */
public final class BenchDatabase {
    public static void main(String[] args) throws Exception {
        try (var pg = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of("target", "bench", "pg"))
                .setCleanDataDirectory(false)
                .setPort(55432)
                .setServerConfig("shared_buffers", "512MB")
                .start()) {
            System.out.println("ready: psql -h localhost -p 55432 -U postgres");
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}

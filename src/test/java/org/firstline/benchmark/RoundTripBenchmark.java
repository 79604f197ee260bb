package org.firstline.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * What a statement and a commit cost a PostgreSQL backend by themselves: transactions of 1, 12 and 24 prepared
 * selects, with and without one inserted row, on one connection. Run it with {@code bench/run --suite roundtrips}.
 */
public final class RoundTripBenchmark {
    private RoundTripBenchmark() {}

    public static void main(String[] args) throws Exception {
        int transactions = 4_000;
        try (var pg = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .start();
                Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
            c.createStatement().execute("create table round_trip (id bigserial primary key, v text)");
            long backend;
            try (var rs = c.createStatement().executeQuery("select pg_backend_pid()")) {
                rs.next();
                backend = rs.getLong(1);
            }
            c.setAutoCommit(false);
            var select = c.prepareStatement("select ?::bigint + 1");
            var insert = c.prepareStatement("insert into round_trip (v) values (?)");
            for (int statements : new int[] {1, 12, 24}) {
                for (boolean write : new boolean[] {false, true}) {
                    double cpu0 = cpu(backend);
                    long t0 = System.nanoTime();
                    for (int i = 0; i < transactions; i++) {
                        for (int s = 0; s < statements; s++) {
                            select.setLong(1, s);
                            try (var rs = select.executeQuery()) {
                                rs.next();
                            }
                        }
                        if (write) {
                            insert.setString(1, "row " + i);
                            insert.executeUpdate();
                        }
                        c.commit();
                    }
                    System.out.printf(
                            "%2d selects%s per transaction: backend CPU %.3f ms, wall %.3f ms per transaction%n",
                            statements,
                            write ? " + 1 insert" : "",
                            (cpu(backend) - cpu0) * 1000 / transactions,
                            (System.nanoTime() - t0) / 1e6 / transactions);
                }
            }
        }
    }

    private static double cpu(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }
}

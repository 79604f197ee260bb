package org.firstline.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.DriverManager;

/**
 * Where the database time of a piece of work goes, from {@code pg_stat_statements} (shipped with the embedded
 * binaries): every statement, also those run inside triggers and functions, with its calls and time per unit of work.
 */
final class StatementProfile {
    private StatementProfile() {}

    /** Loads the extension at start-up and tracks nested statements too. */
    static EmbeddedPostgres.Builder enable(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
                .setServerConfig("pg_stat_statements.track", "all")
                .setServerConfig("pg_stat_statements.max", "5000")
                .setServerConfig("pg_stat_statements.track_planning", "on")
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", "log")
                .setServerConfig("auto_explain.log_analyze", "on")
                .setServerConfig("auto_explain.log_triggers", "on")
                .setServerConfig("auto_explain.log_nested_statements", "on");
    }

    /**
     * Logs every statement's plan with its timings (into PostgreSQL's log) while {@code on}; off by default. Server
     * options given on the command line would outrank {@code alter system}, so the threshold is left to this.
     */
    static void explainAll(String jdbcUrl, boolean on) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "");
                var s = c.createStatement()) {
            s.execute("alter system set auto_explain.log_min_duration = " + (on ? "0" : "-1"));
            s.execute("select pg_reload_conf()");
        }
        Thread.sleep(500);
    }

    static void reset(String jdbcUrl) throws Exception {
        try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                var s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
            s.execute("select pg_stat_reset_shared('wal'), pg_stat_reset_slru()");
        }
    }

    /**
     * The statements run since {@link #reset}, per unit of work: calls, execution time (a top-level statement's time
     * includes what its triggers ran) and rows. Top-level statements first, then nested ones.
     */
    static String report(String jdbcUrl, long units, int limit) throws Exception {
        var out = new StringBuilder();
        try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                var s = c.prepareStatement("""
                        select toplevel, calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g') as query,
                               plans, total_plan_time
                        from pg_stat_statements
                        where dbid = (select oid from pg_database where datname = current_database())
                          and query not like '%pg_stat_statements%'
                        order by toplevel desc, total_exec_time desc limit ?""")) {
            s.setInt(1, limit);
            double top = 0, topPlanning = 0;
            long topCalls = 0, topPlans = 0;
            try (var rs = s.executeQuery()) {
                out.append(String.format(
                        "  %-6s %8s %9s %7s %8s %9s  %s%n",
                        "level", "calls/u", "ms/u", "rows/u", "plans/u", "plan ms/u", "statement"));
                while (rs.next()) {
                    boolean toplevel = rs.getBoolean(1);
                    double calls = rs.getLong(2) / (double) units;
                    double ms = rs.getDouble(3) / units;
                    double plans = rs.getLong(6) / (double) units;
                    double planMs = rs.getDouble(7) / units;
                    if (toplevel) {
                        top += ms;
                        topCalls += rs.getLong(2);
                        topPlans += rs.getLong(6);
                        topPlanning += planMs;
                    }
                    if (calls < 0.01) continue;
                    String query = rs.getString(5);
                    out.append(String.format(
                            "  %-6s %8.2f %9.3f %7.2f %8.2f %9.3f  %s%n",
                            toplevel ? "top" : "nested",
                            calls,
                            ms,
                            rs.getLong(4) / (double) units,
                            plans,
                            planMs,
                            query.length() > 160 ? query.substring(0, 160) + "…" : query));
                }
            }
            try (var wal = c.createStatement().executeQuery("""
                    select (select wal_records from pg_stat_wal), (select wal_bytes from pg_stat_wal),
                           (select sum(blks_zeroed + blks_written) from pg_stat_slru where name like 'MultiXact%')""")) {
                wal.next();
                out.insert(
                        0,
                        String.format(
                                "  WAL: %.1f records, %.0f bytes per unit; multixact pages zeroed or written: %.3f per unit%n",
                                wal.getLong(1) / (double) units,
                                wal.getDouble(2) / units,
                                wal.getLong(3) / (double) units));
            }
            out.insert(
                    0,
                    String.format(
                            "  top-level statements: %.1f per unit, %.3f ms execution per unit; %.1f plans, %.3f ms planning per unit%n",
                            topCalls / (double) units, top, topPlans / (double) units, topPlanning));
        }
        return out.toString();
    }
}

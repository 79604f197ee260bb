package org.firstline.benchmark;

import static org.firstline.benchmark.Benchmark.createToken;
import static org.firstline.benchmark.Benchmark.deleteRecursively;
import static org.firstline.benchmark.Benchmark.get;
import static org.firstline.benchmark.Benchmark.line;
import static org.firstline.benchmark.Benchmark.option;
import static org.firstline.benchmark.Benchmark.timed;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.firstline.sla.BusinessCalendar;
import org.firstline.sla.BusinessTimeCalculator;
import org.firstline.sla.HoursRange;
import org.firstline.sla.Interval;

/**
 * Service levels at size. Deadline arithmetic per second in one thread; then Firstline from its jar twice, on one
 * PostgreSQL, each node sweeping every second: 10,000 clocks due within the same minute, their lateness (when the
 * breach was recorded against when it was due) and whether any fired twice; and the breached and at-risk lists with
 * 50,000 open tickets. Run it with {@code bench/run --suite sla}; see BENCHMARKS.md.
 */
public final class SlaBenchmark {
    public static void main(String[] args) throws Exception {
        int open = Integer.parseInt(option(args, "--open", "50000"));
        int timers = Integer.parseInt(option(args, "--timers", "10000"));
        Path jar = Path.of(option(args, "--jar", "target/firstline-0.1.0-SNAPSHOT.jar"));
        Path work = Path.of("target", "bench-sla");
        deleteRecursively(work);
        Files.createDirectories(work);
        var out = new StringBuilder();
        arithmetic(out);
        try (var pg = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(false)
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_connections", "100")
                .start()) {
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            List<String> external = List.of(
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=postgres",
                    "--firstline.triage.background=false");
            try (var first = AppProcess.start(jar, 18091, work.resolve("a"), external, work.resolve("first.log"))) {
                // migrations only
            }
            long loadStart = System.nanoTime();
            try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                load(c, open);
            }
            line(
                    out,
                    "Loaded %,d open tickets with their clocks (10 %% breached, 10 %% at risk) in %.1f s",
                    open,
                    (System.nanoTime() - loadStart) / 1e9);
            String password = Files.readString(work.resolve("a").resolve("initial-admin-password"))
                    .strip();
            try (var a = AppProcess.start(jar, 18091, work.resolve("a"), external, work.resolve("a.log"));
                    var b = AppProcess.start(jar, 18092, work.resolve("b"), external, work.resolve("b.log"))) {
                String base = "http://localhost:" + a.port;
                String token = createToken(a.port, password);
                for (String list : new String[] {"breached", "at-risk", "stale?hours=24&"}) {
                    String url = base + "/api/v1/sla/" + (list.contains("?") ? list : list + "?") + "limit=50";
                    for (int i = 0; i < 50; i++) get(url, token);
                    var latencies = new Latencies();
                    for (int i = 0; i < 500; i++) latencies.add(timed(() -> get(url, token)));
                    line(
                            out,
                            "List %s, 50 of %,d open tickets (API): %s",
                            list.replaceAll("\\?.*", ""),
                            open,
                            latencies.summary());
                }
                try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                    sameMinute(c, open, timers, out);
                }
                line(out, "Process RSS: node A %,d MiB, node B %,d MiB", a.rssKiB() / 1024, b.rssKiB() / 1024);
            }
        }
        System.out.println("\n==== results ====\n" + out);
        Files.writeString(work.resolve("results.txt"), out);
    }

    /** Due times per second on a London office calendar with bank holidays, as a policy change recomputes them. */
    private static void arithmetic(StringBuilder out) {
        var hours = new ArrayList<HoursRange>();
        for (DayOfWeek d : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.add(new HoursRange(d, 540, 750));
            hours.add(new HoursRange(d, 810, 1050));
        }
        var holidays = Set.of(
                LocalDate.parse("2026-12-25"),
                LocalDate.parse("2026-12-28"),
                LocalDate.parse("2027-01-01"),
                LocalDate.parse("2026-04-03"),
                LocalDate.parse("2026-04-06"),
                LocalDate.parse("2026-05-25"),
                LocalDate.parse("2026-08-31"));
        var calculator =
                new BusinessTimeCalculator(new BusinessCalendar(ZoneId.of("Europe/London"), false, hours, holidays));
        var random = new Random(3);
        Instant year = Instant.parse("2026-01-01T00:00:00Z");
        for (String kind :
                new String[] {"minutes (1 h to 5 working days)", "minutes with a pause", "working days (1 to 10)"}) {
            double[] rates = new double[5];
            long sink = 0;
            for (int run = -2; run < rates.length; run++) {
                long n = 0, started = System.nanoTime();
                while (System.nanoTime() - started < 1_000_000_000L) {
                    Instant start = year.plusSeconds(random.nextInt(365 * 86400));
                    Instant due = switch (kind.charAt(0) == 'w' ? 2 : kind.contains("pause") ? 1 : 0) {
                        case 0 -> calculator.add(start, Duration.ofMinutes(60 + random.nextInt(2340)), List.of());
                        case 1 ->
                            calculator.add(
                                    start,
                                    Duration.ofMinutes(60 + random.nextInt(2340)),
                                    List.of(new Interval(
                                            start.plusSeconds(3600),
                                            start.plusSeconds(3600 + random.nextInt(3 * 86400)))));
                        default -> calculator.addWorkingDays(start, 1 + random.nextInt(10), List.of());
                    };
                    sink += due.getEpochSecond();
                    n++;
                }
                if (run >= 0) rates[run] = n / ((System.nanoTime() - started) / 1e9);
            }
            Arrays.sort(rates);
            line(
                    out,
                    "Deadline computations, %s, one thread: median %,.0f/s (runs %,.0f–%,.0f/s) [%d]",
                    kind,
                    rates[2],
                    rates[0],
                    rates[4],
                    sink % 2);
        }
    }

    /** Open tickets, each with a first-response clock: 10 % breached, 10 % past the warning, the rest due in days. */
    private static void load(Connection c, int open) throws Exception {
        try (var st = c.createStatement()) {
            st.execute("set session_replication_role = replica");
            st.execute("insert into contact (name, created_at) values ('Bench contact', now())");
            st.execute("insert into team (name, created_at) values ('Bench team', now())");
            st.execute("""
                    insert into ticket (subject, requester_id, channel, type, priority, impact, status, team_id, created_at, updated_at)
                    select 'Bench ticket ' || g, (select min(id) from contact), 'EMAIL', 'QUESTION',
                           (array['LOW','NORMAL','NORMAL','HIGH','CRITICAL'])[1 + g %% 5], 'MINOR', 'OPEN',
                           case when g %% 2 = 0 then (select min(id) from team) end, now() - interval '3 days', now() - interval '3 days'
                    from generate_series(1, %d) g""".formatted(open));
            st.execute("""
                    insert into ticket_sla (ticket_id, target, cycle, policy_id, calendar_id, amount, unit, started_at, due_at, warn_at,
                                            warned_at, breached_at, next_fire_at)
                    select t.id, 'FIRST_RESPONSE', 1, (select min(id) from sla_policy), (select min(id) from business_calendar), 480, 'MINUTES',
                           t.created_at, d.due, d.due - interval '2 hours',
                           case when t.id % 10 in (0, 1) then d.due - interval '2 hours' end,
                           case when t.id % 10 = 0 then d.due end,
                           case when t.id % 10 = 0 then null else d.due end
                    from ticket t, lateral (select case when t.id % 10 = 0 then now() - interval '1 hour' * (1 + t.id % 48)
                                                       when t.id % 10 = 1 then now() + interval '1 minute' * (30 + t.id % 90)
                                                       else now() + interval '1 day' * (2 + t.id % 20) end as due) d""");
            st.execute("""
                    insert into ticket_public_activity (ticket_id, last_public_at)
                    select id, created_at + interval '1 hour' * (id % 60) from ticket""");
            st.execute("set session_replication_role = origin");
            st.execute("vacuum analyze");
        }
    }

    /** Gives clocks of {@code timers} tickets a due time spread over one minute a little ahead, then waits for both nodes to fire them. */
    private static void sameMinute(Connection c, int open, int timers, StringBuilder out) throws Exception {
        Instant minute = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        try (var st = c.createStatement()) {
            st.execute("""
                    insert into ticket_sla (ticket_id, target, cycle, policy_id, calendar_id, amount, unit, started_at, due_at, next_fire_at)
                    select t.id, 'RESOLUTION', 1, (select min(id) from sla_policy), (select min(id) from business_calendar), 60, 'MINUTES',
                           t.created_at, d.due, d.due
                    from ticket t, lateral (select timestamptz '%s' + interval '1 millisecond' * (t.id * 60000 / %d) as due) d
                    where t.id <= %d""".formatted(minute, timers, timers));
        }
        Instant deadline = minute.plusSeconds(180);
        int recorded = 0;
        while (Instant.now().isBefore(deadline)) {
            try (var rs = c.createStatement()
                    .executeQuery(
                            "select count(*) from sla_event e join ticket_sla s on s.id = e.ticket_sla_id where s.target = 'RESOLUTION'")) {
                rs.next();
                recorded = rs.getInt(1);
            }
            if (recorded >= timers && Instant.now().isAfter(minute.plusSeconds(65))) break;
            Thread.sleep(500);
        }
        try (var rs = c.createStatement().executeQuery("""
                select count(*), count(distinct e.ticket_sla_id),
                       percentile_cont(0.5) within group (order by extract(epoch from e.recorded_at - e.fire_at)),
                       percentile_cont(0.99) within group (order by extract(epoch from e.recorded_at - e.fire_at)),
                       max(extract(epoch from e.recorded_at - e.fire_at)),
                       count(*) filter (where e.recorded_by = (select min(recorded_by) from sla_event)),
                       count(distinct e.recorded_by),
                       count(*) filter (where e.notified_at is not null)
                from sla_event e join ticket_sla s on s.id = e.ticket_sla_id where s.target = 'RESOLUTION'""")) {
            rs.next();
            line(
                    out,
                    "%,d clocks due within one minute, two nodes sweeping every second: %,d breaches recorded for %,d distinct clocks "
                            + "(exactly once: %s); lateness p50 %.2f s, p99 %.2f s, max %.2f s (target p99 < 2 s); %d nodes recorded them "
                            + "(%,d by one of them); %,d told",
                    timers,
                    rs.getInt(1),
                    rs.getInt(2),
                    rs.getInt(1) == rs.getInt(2) && rs.getInt(2) == timers ? "yes" : "NO",
                    rs.getDouble(3),
                    rs.getDouble(4),
                    rs.getDouble(5),
                    rs.getInt(7),
                    rs.getInt(6),
                    rs.getInt(8));
        }
    }
}

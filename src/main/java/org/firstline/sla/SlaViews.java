package org.firstline.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.Priority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The lists a triager watches: breached, about to breach, gone quiet; and compliance figures over a period. */
@Service
public class SlaViews {
    /** Sort orders of the breach and at-risk lists. */
    public enum Sort {
        DUE,
        PRIORITY
    }

    /** What compliance figures are grouped by. */
    public enum GroupBy {
        ORGANIZATION,
        TEAM,
        PRIORITY,
        MONTH,
        TARGET
    }

    private static final String ROW = """
            select t.id, t.number, t.subject, t.priority, t.status, t.team_id, tm.name as team, t.owner_id, a.display_name as owner,
                   t.organization_id, o.name as organization, %s as target, %s as due_at, pa.last_public_at
            """;
    private static final String JOINS = """
            left join team tm on tm.id = t.team_id left join agent a on a.id = t.owner_id
            left join organization o on o.id = t.organization_id left join ticket_public_activity pa on pa.ticket_id = t.id
            """;
    /** Breached, or met after its due time before the sweeper got to it. */
    private static final String LATE = "s.breached_at is not null or s.due_at is not null and s.met_at > s.due_at";

    private static final String PRIORITY_RANK = "array_position(array['CRITICAL','HIGH','NORMAL','LOW'], t.priority)";

    private final JdbcClient jdbc;
    private final Clock clock;

    SlaViews(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Running clocks past their due time, longest overdue first (or most urgent first). */
    public List<SlaListRow> breached(Sort sort, int limit) {
        return jdbc.sql(ROW.formatted("s.target", "s.due_at") + """
                from ticket_sla s join ticket t on t.id = s.ticket_id
                """ + JOINS + """
                where s.met_at is null and s.stopped_at is null and s.breached_at is not null
                order by""" + " "
                        + (sort == Sort.PRIORITY ? PRIORITY_RANK + ", s.due_at" : "s.due_at") + ", s.id limit ?")
                .param(limit(limit))
                .query(SlaViews::row)
                .list();
    }

    /** Running clocks past their warning, or due within {@code within}, not yet breached: soonest due first. */
    public List<SlaListRow> atRisk(Duration within, Sort sort, int limit) {
        Instant now = clock.instant();
        return jdbc.sql(ROW.formatted("s.target", "s.due_at") + """
                from ticket_sla s join ticket t on t.id = s.ticket_id
                """ + JOINS + """
                where s.met_at is null and s.stopped_at is null and s.breached_at is null and s.due_at > ?
                  and (s.warn_at <= ? or s.due_at <= ?)
                order by""" + " "
                        + (sort == Sort.PRIORITY ? PRIORITY_RANK + ", s.due_at" : "s.due_at") + ", s.id limit ?")
                .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now.plus(within)), limit(limit))
                .query(SlaViews::row)
                .list();
    }

    /** Open tickets with no public message either way for {@code quiet}, quietest first (or by priority, then quietest). */
    public List<SlaListRow> stale(Duration quiet, Sort sort, int limit) {
        if (quiet.isNegative()) throw new InvalidRequestException("hours", "must not be negative");
        return jdbc.sql(ROW.formatted("null", "null") + """
                from ticket_public_activity p join ticket t on t.id = p.ticket_id
                """ + JOINS + """
                where p.last_public_at < ? and t.status in ('NEW', 'OPEN', 'PENDING')
                order by""" + " "
                        + (sort == Sort.PRIORITY ? PRIORITY_RANK + ", " : "") + "p.last_public_at, t.id limit ?")
                .params(Timestamp.from(clock.instant().minus(quiet)), limit(limit))
                .query(SlaViews::row)
                .list();
    }

    /** Clocks decided (met, or breached) in the months {@code from}–{@code to}, grouped; a breach counts once, met late or not. */
    public List<ComplianceRow> compliance(GroupBy groupBy, YearMonth from, YearMonth to) {
        if (to.isBefore(from)) throw new InvalidRequestException("to", "must not be before from");
        String group = switch (groupBy) {
            case ORGANIZATION -> "coalesce(o.name, '(no organization)')";
            case TEAM -> "coalesce(tm.name, '(no team)')";
            case PRIORITY -> "t.priority";
            case MONTH -> "to_char(coalesce(s.breached_at, s.met_at) at time zone 'UTC', 'YYYY-MM')";
            case TARGET -> "s.target";
        };
        return jdbc.sql("""
                select %s as grp, count(*) filter (where not (%s)) as met, count(*) filter (where %s) as breached
                from ticket_sla s join ticket t on t.id = s.ticket_id
                left join team tm on tm.id = t.team_id left join organization o on o.id = t.organization_id
                where coalesce(s.breached_at, s.met_at) >= ? and coalesce(s.breached_at, s.met_at) < ?
                  and (s.met_at is not null or s.breached_at is not null)
                group by 1 order by %s""".formatted(
                                group,
                                LATE,
                                LATE,
                                groupBy == GroupBy.PRIORITY
                                        ? "array_position(array['CRITICAL','HIGH','NORMAL','LOW'], min(t.priority))"
                                        : "1"))
                .params(
                        Timestamp.from(from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)),
                        Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .query((rs, n) -> new ComplianceRow(rs.getString("grp"), rs.getLong("met"), rs.getLong("breached")))
                .list();
    }

    /** One organization's clocks decided per month, {@code from}–{@code to}: what its representatives see. */
    public List<ComplianceRow> monthlyComplianceOf(long organizationId, YearMonth from, YearMonth to) {
        if (to.isBefore(from)) throw new InvalidRequestException("to", "must not be before from");
        return jdbc.sql("""
                select to_char(coalesce(s.breached_at, s.met_at) at time zone 'UTC', 'YYYY-MM') as grp,
                       count(*) filter (where not (%s)) as met, count(*) filter (where %s) as breached
                from ticket_sla s join ticket t on t.id = s.ticket_id
                where t.organization_id = ? and not t.internal
                  and coalesce(s.breached_at, s.met_at) >= ? and coalesce(s.breached_at, s.met_at) < ?
                  and (s.met_at is not null or s.breached_at is not null)
                group by 1 order by 1""".formatted(LATE, LATE))
                .params(
                        organizationId,
                        Timestamp.from(from.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)),
                        Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
                .query((rs, n) -> new ComplianceRow(rs.getString("grp"), rs.getLong("met"), rs.getLong("breached")))
                .list();
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 500) throw new InvalidRequestException("limit", "must be 1 to 500");
        return limit;
    }

    private static SlaListRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String target = rs.getString("target");
        Timestamp due = rs.getTimestamp("due_at"), last = rs.getTimestamp("last_public_at");
        return new SlaListRow(
                rs.getLong("id"),
                rs.getLong("number"),
                rs.getString("subject"),
                Priority.valueOf(rs.getString("priority")),
                rs.getString("status"),
                rs.getObject("team_id", Long.class),
                rs.getString("team"),
                rs.getObject("owner_id", Long.class),
                rs.getString("owner"),
                rs.getObject("organization_id", Long.class),
                rs.getString("organization"),
                target == null ? null : SlaTarget.valueOf(target),
                due == null ? null : due.toInstant(),
                last == null ? null : last.toInstant());
    }
}

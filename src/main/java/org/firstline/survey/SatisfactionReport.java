package org.firstline.survey;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Satisfaction over time: per agent, team or organization (as they were when the ticket was resolved) and per week
 * or month of sending, how many surveys were sent and answered, the average rating, the count of each rating and
 * CSAT (the share of 4s and 5s). Periods and days are UTC.
 */
@Service
public class SatisfactionReport {
    private final JdbcClient jdbc;

    SatisfactionReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SatisfactionRow> rows(ReportGrouping grouping, ReportPeriod period, ReportRange range) {
        return jdbc.sql("""
                select %s as group_id, %s as group_name,
                       date_trunc('%s', s.sent_at at time zone 'UTC')::date as period, count(*) as sent,
                       count(*) filter (where s.rating = 1) as r1, count(*) filter (where s.rating = 2) as r2,
                       count(*) filter (where s.rating = 3) as r3, count(*) filter (where s.rating = 4) as r4,
                       count(*) filter (where s.rating = 5) as r5
                from satisfaction_survey s %s
                where s.sent_at >= ? and s.sent_at < ?
                group by 1, 2, 3 order by 2, 1 nulls last, 3""".formatted(
                                column(grouping),
                                name(grouping),
                                period == ReportPeriod.WEEK ? "week" : "month",
                                join(grouping)))
                .params(start(range.from()), start(range.to().plusDays(1)))
                .query((rs, n) -> SatisfactionRow.of(
                        rs.getObject("group_id", Long.class),
                        rs.getString("group_name"),
                        rs.getObject("period", LocalDate.class),
                        rs.getLong("sent"),
                        new long[] {
                            rs.getLong("r1"), rs.getLong("r2"), rs.getLong("r3"), rs.getLong("r4"), rs.getLong("r5")
                        }))
                .list();
    }

    /** The newest comments on surveys sent in the range, newest answer first. */
    public List<SatisfactionComment> comments(ReportGrouping grouping, ReportRange range, int limit) {
        return jdbc.sql("""
                select t.id, t.number, t.subject, %s as group_name, s.rating, s.comment, s.answered_at
                from satisfaction_survey s join ticket t on t.id = s.ticket_id %s
                where s.sent_at >= ? and s.sent_at < ? and s.comment is not null
                order by s.answered_at desc, s.id desc limit ?""".formatted(name(grouping), join(grouping)))
                .params(start(range.from()), start(range.to().plusDays(1)), Math.clamp(limit, 1, 200))
                .query((rs, n) -> new SatisfactionComment(
                        rs.getLong("id"),
                        rs.getLong("number"),
                        rs.getString("subject"),
                        rs.getString("group_name"),
                        rs.getInt("rating"),
                        rs.getString("comment"),
                        rs.getTimestamp("answered_at").toInstant()))
                .list();
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String column(ReportGrouping grouping) {
        return switch (grouping) {
            case AGENT -> "s.agent_id";
            case TEAM -> "s.team_id";
            case ORGANIZATION -> "s.organization_id";
        };
    }

    private static String name(ReportGrouping grouping) {
        return switch (grouping) {
            case AGENT -> "coalesce(g.display_name, '(no owner)')";
            case TEAM -> "coalesce(g.name, '(no team)')";
            case ORGANIZATION -> "coalesce(g.name, '(no organization)')";
        };
    }

    private static String join(ReportGrouping grouping) {
        return switch (grouping) {
            case AGENT -> "left join agent g on g.id = s.agent_id";
            case TEAM -> "left join team g on g.id = s.team_id";
            case ORGANIZATION -> "left join organization g on g.id = s.organization_id";
        };
    }
}

package org.firstline.oncall.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firstline.oncall.ToilClaimView;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Out-of-hours pages as time off in lieu sees them, and the claims made for them. */
@Component
public class ToilStore {
    private static final String CLAIM = """
            select c.*, a.display_name from toil_claim c join agent a on a.id = c.agent_id""";

    private final JdbcClient jdbc;

    ToilStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * When pages reached the person out of hours; several contact methods of one step are one page. Pages to first
     * line are not on-call work and do not count.
     */
    public List<Instant> outOfHoursPages(long agentId, Instant from, Instant to) {
        return jdbc.sql("""
                        select min(sent_at) from page
                        where agent_id = ? and status = 'SENT' and out_of_hours and step_position >= -1
                          and sent_at >= ? and sent_at < ?
                        group by escalation_id, loop, step_position order by 1""")
                .params(agentId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    /** The calendar of the policy that sent the person's first page of an episode: its hours do not count. */
    public @Nullable Long calendarOfPage(long agentId, Instant sentAt) {
        return jdbc.sql("""
                        select p.calendar_id from page g join escalation e on e.id = g.escalation_id
                        join escalation_policy p on p.id = e.policy_id
                        where g.agent_id = ? and g.status = 'SENT' and g.sent_at >= ? order by g.sent_at limit 1""")
                .params(agentId, Timestamp.from(sentAt))
                .query((rs, n) -> rs.getObject(1, Long.class))
                .optional()
                .orElse(null);
    }

    public Map<Instant, ToilClaimView> claimsByStart(long agentId) {
        var byStart = new HashMap<Instant, ToilClaimView>();
        jdbc.sql(CLAIM + " where c.agent_id = ?")
                .param(agentId)
                .query((rs, n) -> view(rs))
                .list()
                .forEach(c -> byStart.put(c.episodeStart(), c));
        return byStart;
    }

    public ToilClaimView saveClaim(
            long agentId,
            Instant start,
            int pages,
            boolean woke,
            int minutes,
            int outOfHoursMinutes,
            BigDecimal days,
            Instant now) {
        long id = jdbc.sql("""
                        insert into toil_claim (agent_id, episode_start, pages, woke, minutes_worked, out_of_hours_minutes, days,
                                                status, confirmed_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'CONFIRMED', ?)
                        on conflict (agent_id, episode_start) do update set pages = excluded.pages, woke = excluded.woke,
                            minutes_worked = excluded.minutes_worked, out_of_hours_minutes = excluded.out_of_hours_minutes,
                            days = excluded.days, confirmed_at = excluded.confirmed_at
                        where toil_claim.status = 'CONFIRMED'
                        returning id""")
                .params(
                        agentId,
                        Timestamp.from(start),
                        pages,
                        woke,
                        minutes,
                        outOfHoursMinutes,
                        days,
                        Timestamp.from(now))
                .query((rs, n) -> rs.getLong(1))
                .single();
        return claim(id).orElseThrow();
    }

    public Optional<ToilClaimView> claim(long id) {
        return jdbc.sql(CLAIM + " where c.id = ?")
                .param(id)
                .query((rs, n) -> view(rs))
                .optional();
    }

    public void decide(long id, boolean approve, long by, Instant now) {
        jdbc.sql(
                        "update toil_claim set status = ?, decided_by = ?, decided_at = ? where id = ? and status = 'CONFIRMED'")
                .params(approve ? "APPROVED" : "REJECTED", by, Timestamp.from(now), id)
                .update();
        if (approve) {
            jdbc.sql("""
                            insert into toil_delivery (claim_id, status, next_attempt_at, created_at)
                            select ?, 'PENDING', ?, ? where exists (select 1 from toil_settings where hr_webhook_url is not null)""").params(id, Timestamp.from(now), Timestamp.from(now)).update();
        }
    }

    public List<ToilClaimView> claims(Optional<Long> agentId, Instant from, Instant to, Optional<String> status) {
        return jdbc.sql(CLAIM + """
                         where c.episode_start >= ? and c.episode_start < ?
                           and (?::bigint is null or c.agent_id = ?) and (?::text is null or c.status = ?)
                        order by c.episode_start, c.id limit 10000""")
                .params(
                        Timestamp.from(from),
                        Timestamp.from(to),
                        agentId.orElse(null),
                        agentId.orElse(null),
                        status.orElse(null),
                        status.orElse(null))
                .query((rs, n) -> view(rs))
                .list();
    }

    private static ToilClaimView view(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ToilClaimView(
                rs.getLong("id"),
                rs.getLong("agent_id"),
                rs.getString("display_name"),
                rs.getTimestamp("episode_start").toInstant(),
                rs.getInt("pages"),
                rs.getBoolean("woke"),
                rs.getInt("minutes_worked"),
                rs.getInt("out_of_hours_minutes"),
                rs.getBigDecimal("days"),
                rs.getString("status"),
                rs.getTimestamp("confirmed_at").toInstant(),
                rs.getObject("decided_by", Long.class),
                decided == null ? null : decided.toInstant());
    }
}

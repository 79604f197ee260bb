package org.firstline.triage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.LiveChannel;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Triage sessions (Octopus' 30-minute morning call): one runs at a time; whoever starts the desk's session or acts
 * during it takes part, and each ticket given a team during it counts as handled by whoever did it.
 */
@Service
public class TriageSessions {
    public static final Duration TIMEBOX = Duration.ofMinutes(30);
    /** A session nobody ended is closed when the next one starts after this long. */
    static final Duration FORGOTTEN = Duration.ofHours(8);

    private static final String SELECT = """
            select s.id, a.display_name as started_by, s.started_at, s.ended_at, s.backlog_since, s.backlog_at_start,
                   (select count(*) from triage_session_ticket st where st.session_id = s.id) as handled,
                   array(select pa.display_name from triage_session_agent sa join agent pa on pa.id = sa.agent_id
                         where sa.session_id = s.id order by sa.joined_at) as participants
            from triage_session s join agent a on a.id = s.started_by
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LiveChannel live;

    TriageSessions(JdbcClient jdbc, Clock clock, LiveChannel live) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.live = live;
    }

    public Optional<TriageSessionView> current() {
        return jdbc.sql(SELECT + " where s.ended_at is null").query(this::view).optional();
    }

    public List<TriageSessionView> recent(int limit) {
        return jdbc.sql(SELECT + " order by s.started_at desc limit ?")
                .param(limit)
                .query(this::view)
                .list();
    }

    /** Starts a session, or joins the one running. */
    @Transactional
    public TriageSessionView start(AgentPrincipal actor) {
        Instant now = clock.instant();
        jdbc.sql(
                        "update triage_session set ended_at = started_at + ? * interval '1 second' where ended_at is null and started_at < ?")
                .params(TIMEBOX.toSeconds(), Timestamp.from(now.minus(FORGOTTEN)))
                .update();
        var running = current();
        if (running.isEmpty()) {
            Timestamp since = jdbc.sql("select max(ended_at) from triage_session")
                    .query(Timestamp.class)
                    .optional()
                    .orElse(null);
            int waiting = jdbc.sql("select count(*) from ticket where team_id is null and status in ('NEW', 'OPEN')")
                    .query(Integer.class)
                    .single();
            try {
                jdbc.sql(
                                "insert into triage_session (started_by, started_at, backlog_since, backlog_at_start) values (?, ?, ?, ?)")
                        .params(actor.id(), Timestamp.from(now), since, waiting)
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                throw new ConflictException("Another triager started a session at the same moment; join it.");
            }
        }
        join(actor);
        live.announce("session", 0);
        return current().orElseThrow();
    }

    @Transactional
    public TriageSessionView end(AgentPrincipal actor) {
        var running = current().orElseThrow(() -> new ConflictException("No triage session is running."));
        jdbc.sql("update triage_session set ended_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), running.id())
                .update();
        live.announce("session", 0);
        return jdbc.sql(SELECT + " where s.id = ?")
                .param(running.id())
                .query(this::view)
                .single();
    }

    /** Counts a ticket given a team as handled in the running session, if there is one. */
    void recordHandled(long ticketId, AgentPrincipal actor) {
        Optional<Long> running = jdbc.sql("select id from triage_session where ended_at is null")
                .query(Long.class)
                .optional();
        if (running.isEmpty()) return;
        join(actor);
        jdbc.sql(
                        "insert into triage_session_ticket (session_id, ticket_id, agent_id, handled_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(running.get(), ticketId, actor.id(), Timestamp.from(clock.instant()))
                .update();
    }

    /** Tickets waiting now that came in since the previous session. */
    public int newSince(@Nullable Instant since) {
        return since == null
                ? jdbc.sql("select count(*) from ticket where team_id is null and status in ('NEW', 'OPEN')")
                        .query(Integer.class)
                        .single()
                : jdbc.sql(
                                "select count(*) from ticket where team_id is null and status in ('NEW', 'OPEN') and created_at > ?")
                        .param(Timestamp.from(since))
                        .query(Integer.class)
                        .single();
    }

    private void join(AgentPrincipal actor) {
        jdbc.sql("""
                insert into triage_session_agent (session_id, agent_id, joined_at)
                select id, ?, ? from triage_session where ended_at is null on conflict do nothing""").params(actor.id(), Timestamp.from(clock.instant())).update();
    }

    private TriageSessionView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Instant started = rs.getTimestamp("started_at").toInstant();
        var ended = rs.getTimestamp("ended_at");
        var since = rs.getTimestamp("backlog_since");
        return new TriageSessionView(
                rs.getLong("id"),
                rs.getString("started_by"),
                started,
                ended == null ? null : ended.toInstant(),
                started.plus(TIMEBOX),
                since == null ? null : since.toInstant(),
                rs.getInt("backlog_at_start"),
                rs.getInt("handled"),
                Arrays.asList((String[]) rs.getArray("participants").getArray()));
    }
}

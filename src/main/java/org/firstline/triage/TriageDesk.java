package org.firstline.triage;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.firstline.directory.AgentService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.LiveChannel;
import org.firstline.platform.NotFoundException;
import org.firstline.ticket.Priority;
import org.firstline.ticket.TicketChange;
import org.firstline.ticket.TicketChanges;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketType;
import org.firstline.ticket.TicketView;
import org.firstline.triage.internal.BudgetSql;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The triage desk: every ticket without a team. Several triagers work it at once; acting on a row claims it, a claim
 * keeps the others off it for a few minutes, and a team is given only to a ticket that still has none, checked under
 * the ticket's row lock, so no ticket is assigned twice.
 */
@Service
public class TriageDesk {
    static final Duration CLAIM_FOR = Duration.ofMinutes(5);
    static final Duration PRESENCE_FOR = Duration.ofSeconds(45);
    private static final String URGENCY =
            "(case t.priority when 'CRITICAL' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end)";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TicketChanges changes;
    private final AgentService agents;
    private final LiveChannel live;
    private final TriageSessions sessions;
    private final io.micrometer.core.instrument.Timer pageTime;
    private volatile @Nullable Counted counted;

    TriageDesk(
            JdbcClient jdbc,
            Clock clock,
            TicketChanges changes,
            AgentService agents,
            LiveChannel live,
            TriageSessions sessions,
            io.micrometer.core.instrument.MeterRegistry meters,
            org.firstline.sla.TicketSlas slas) {
        this.slas = slas;
        this.pageTime = io.micrometer.core.instrument.Timer.builder("firstline.triage.desk")
                .description("Time to read one page of the triage desk")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
        this.jdbc = jdbc;
        this.clock = clock;
        this.changes = changes;
        this.agents = agents;
        this.live = live;
        this.sessions = sessions;
    }

    private final org.firstline.sla.TicketSlas slas;

    public DeskPage page(DeskSort sort, int limit, AgentPrincipal viewer) {
        long started = System.nanoTime();
        try {
            return read(sort, limit, viewer);
        } finally {
            pageTime.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private DeskPage read(DeskSort sort, int limit, AgentPrincipal viewer) {
        Instant now = clock.instant();
        String order = sort == DeskSort.URGENCY ? URGENCY + ", t.created_at, t.id" : "t.created_at, t.id";
        List<DeskRow> rows = jdbc.sql(
                        """
                with waiting as (
                    select t.* from ticket t where t.team_id is null and t.status in ('NEW', 'OPEN')
                    order by %s limit :limit),
                %s
                select t.id, t.number, t.subject, t.status, t.priority, t.type, t.created_at,
                       c.name as requester_name, o.id as organization_id, o.name as organization_name, sv.name as service_name,
                       p.name as plan_name, b.budget_hours, b.budget_used,
                       s.team_id as suggested_team_id, st.name as suggested_team_name, s.team_score, s.matched_words,
                       s.assignee_id, sa.display_name as assignee_name, s.assignee_reason, s.priority as suggested_priority,
                       array(select st2.id || ':' || st2.number || ':' || coalesce(st2.resolution, st2.status) || ':' || st2.subject
                             from unnest(s.similar_ids) with ordinality as u(id, n) join ticket st2 on st2.id = u.id order by u.n) as similar,
                       cl.agent_id as claimed_by_id, ca.display_name as claimed_by,
                       array(select a.display_name from ticket_presence pr join agent a on a.id = pr.agent_id
                             where pr.ticket_id = t.id and pr.seen_at > :presenceSince and pr.agent_id <> :viewer
                             order by a.display_name) as viewers
                from waiting t
                join contact c on c.id = t.requester_id
                left join organization o on o.id = t.organization_id
                left join service sv on sv.id = t.service_id
                left join support_plan p on p.id = o.plan_id
                left join budgets b on b.organization_id = t.organization_id
                left join ticket_suggestion s on s.ticket_id = t.id
                left join team st on st.id = s.team_id
                left join agent sa on sa.id = s.assignee_id
                left join ticket_claim cl on cl.ticket_id = t.id and cl.claimed_at > :claimSince
                left join agent ca on ca.id = cl.agent_id
                order by %s""".formatted(order, BudgetSql.budgets("select organization_id from waiting"), order))
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .param("now", Timestamp.from(now))
                .param("presenceSince", Timestamp.from(now.minus(PRESENCE_FOR)))
                .param("claimSince", Timestamp.from(now.minus(CLAIM_FOR)))
                .param("viewer", viewer.id())
                .query((rs, n) -> row(rs, viewer.id()))
                .list();
        var due = slas.nextDue(rows.stream().map(DeskRow::id).toList());
        rows = rows.stream().map(r -> r.withSla(due.get(r.id()))).toList();
        return new DeskPage(rows, waiting(), sort);
    }

    /**
     * How many tickets wait. Counting tens of thousands of rows costs more than the page itself, and every triager's
     * desk asks after every change: the count is kept until the live channel hears of any change (or for 5 s).
     */
    public int waiting() {
        long heard = live.heard();
        Counted counted = this.counted;
        if (counted != null && counted.heard() == heard && System.nanoTime() - counted.at() < 5_000_000_000L) {
            return counted.count();
        }
        int count = jdbc.sql("select count(*) from ticket t where t.team_id is null and t.status in ('NEW', 'OPEN')")
                .query(Integer.class)
                .single();
        this.counted = new Counted(count, heard, System.nanoTime());
        return count;
    }

    private record Counted(int count, long heard, long at) {}

    /** Claims a row for the agent; refused while another triager's claim is fresh. */
    @Transactional
    public void claim(long ticketId, AgentPrincipal actor) {
        requireWriter(actor);
        requireTicket(ticketId);
        Instant now = clock.instant();
        Optional<Long> holder = jdbc.sql("""
                insert into ticket_claim (ticket_id, agent_id, claimed_at) values (:ticket, :agent, :now)
                on conflict (ticket_id) do update set agent_id = excluded.agent_id, claimed_at = excluded.claimed_at
                where ticket_claim.agent_id = excluded.agent_id or ticket_claim.claimed_at <= :stale
                returning agent_id""")
                .param("ticket", ticketId)
                .param("agent", actor.id())
                .param("now", Timestamp.from(now))
                .param("stale", Timestamp.from(now.minus(CLAIM_FOR)))
                .query(Long.class)
                .optional();
        if (holder.isEmpty()) {
            throw new ConflictException(claimedBy(ticketId) + " is working on this ticket; it is theirs for now.");
        }
        live.announce("claim", ticketId);
    }

    @Transactional
    public void release(long ticketId, AgentPrincipal actor) {
        if (jdbc.sql("delete from ticket_claim where ticket_id = ? and agent_id = ?")
                        .params(ticketId, actor.id())
                        .update()
                > 0) {
            live.announce("claim", ticketId);
        }
    }

    /**
     * Gives an untriaged ticket its team, and an owner when one is named. Refused when another triager holds the row
     * or the ticket got a team meanwhile.
     */
    @Transactional
    public TicketView assign(long ticketId, long teamId, @Nullable Long ownerId, AgentPrincipal actor) {
        lockUntriaged(ticketId, actor);
        TicketView ticket = changes.change(
                ticketId, TicketChange.routing(Optional.of(teamId), Optional.ofNullable(ownerId)), actor);
        handled(ticketId, actor);
        return ticket;
    }

    /** A person picked without a team: the suggested team if they are in it, else their only team. */
    @Transactional
    public TicketView assignPerson(long ticketId, long agentId, AgentPrincipal actor) {
        var person = agents.find(agentId)
                .orElseThrow(() -> new InvalidRequestException("agentId", "no agent with id " + agentId));
        if (person.teamIds().isEmpty()) {
            throw new InvalidRequestException(
                    "agentId", person.displayName() + " is in no team; add them to one first");
        }
        Long suggested = jdbc.sql("select team_id from ticket_suggestion where ticket_id = ?")
                .param(ticketId)
                .query(Long.class)
                .optional()
                .orElse(null);
        long team;
        if (suggested != null && person.teamIds().contains(suggested)) {
            team = suggested;
        } else if (person.teamIds().size() == 1) {
            team = person.teamIds().get(0);
        } else {
            throw new InvalidRequestException(
                    "teamId", person.displayName() + " is in several teams; pick the team first");
        }
        return assign(ticketId, team, agentId, actor);
    }

    @Transactional
    public TicketView prioritize(long ticketId, Priority priority, AgentPrincipal actor) {
        lockUntriaged(ticketId, actor);
        return changes.change(ticketId, TicketChange.priority(priority), actor);
    }

    @Transactional
    public TicketView markIncident(long ticketId, AgentPrincipal actor) {
        lockUntriaged(ticketId, actor);
        return changes.change(ticketId, TicketChange.type(TicketType.INCIDENT), actor);
    }

    /** Records that the agent has the ticket open (desk row or ticket page), or is writing a reply on it. */
    @Transactional
    public void present(long ticketId, boolean replying, AgentPrincipal actor) {
        requireTicket(ticketId);
        Instant now = clock.instant();
        String activity = replying ? "REPLYING" : "VIEWING";
        // announce only arrivals and changes of activity: heartbeats of someone already shown change nothing
        Boolean changed = jdbc.sql("""
                with before as (select activity, seen_at from ticket_presence where ticket_id = :ticket and agent_id = :agent)
                insert into ticket_presence (ticket_id, agent_id, activity, seen_at) values (:ticket, :agent, :activity, :now)
                on conflict (ticket_id, agent_id) do update set activity = excluded.activity, seen_at = excluded.seen_at
                returning coalesce((select b.activity <> :activity or b.seen_at <= :stale from before b), true)""")
                .param("ticket", ticketId)
                .param("agent", actor.id())
                .param("activity", activity)
                .param("now", Timestamp.from(now))
                .param("stale", Timestamp.from(now.minus(PRESENCE_FOR)))
                .query(Boolean.class)
                .single();
        if (changed) live.announce("presence", ticketId);
    }

    @Transactional
    public void absent(long ticketId, AgentPrincipal actor) {
        if (jdbc.sql("delete from ticket_presence where ticket_id = ? and agent_id = ?")
                        .params(ticketId, actor.id())
                        .update()
                > 0) {
            live.announce("presence", ticketId);
        }
    }

    /** Who else has the ticket open, and who of them is writing a reply. */
    public List<Presence> presence(long ticketId, AgentPrincipal viewer) {
        return jdbc.sql("""
                select a.display_name, p.activity from ticket_presence p join agent a on a.id = p.agent_id
                where p.ticket_id = ? and p.agent_id <> ? and p.seen_at > ? order by a.display_name""")
                .params(ticketId, viewer.id(), Timestamp.from(clock.instant().minus(PRESENCE_FOR)))
                .query((rs, n) -> new Presence(rs.getString(1), "REPLYING".equals(rs.getString(2))))
                .list();
    }

    public record Presence(String name, boolean replying) {}

    /** Locks the ticket's row and makes sure it is still on the desk and not someone else's to act on; claims it. */
    private void lockUntriaged(long ticketId, AgentPrincipal actor) {
        requireWriter(actor);
        var state = jdbc.sql("""
                select t.number, t.team_id, tm.name as team_name, t.status from ticket t left join team tm on tm.id = t.team_id
                where t.id = ? for update of t""")
                .param(ticketId)
                .query((rs, n) ->
                        new Object[] {rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4)})
                .optional()
                .orElseThrow(() -> new NotFoundException("Ticket " + ticketId + " does not exist."));
        if (state[1] != null) {
            throw new ConflictException("Ticket #" + state[0] + " was already assigned to " + state[2] + ".");
        }
        TicketStatus status = TicketStatus.valueOf((String) state[3]);
        if (status != TicketStatus.NEW && status != TicketStatus.OPEN) {
            throw new ConflictException("Ticket #" + state[0] + " is " + status + " and no longer waits for triage.");
        }
        claim(ticketId, actor);
    }

    private void handled(long ticketId, AgentPrincipal actor) {
        jdbc.sql("delete from ticket_claim where ticket_id = ?").param(ticketId).update();
        sessions.recordHandled(ticketId, actor);
    }

    private String claimedBy(long ticketId) {
        return jdbc.sql(
                        "select a.display_name from ticket_claim c join agent a on a.id = c.agent_id where c.ticket_id = ?")
                .param(ticketId)
                .query(String.class)
                .optional()
                .orElse("Another triager");
    }

    private void requireTicket(long ticketId) {
        if (jdbc.sql("select count(*) from ticket where id = ?")
                        .param(ticketId)
                        .query(Integer.class)
                        .single()
                == 0) {
            throw new NotFoundException("Ticket " + ticketId + " does not exist.");
        }
    }

    private static void requireWriter(AgentPrincipal actor) {
        if (!actor.role().canWrite()) {
            throw new AccessDeniedException("Read-only agents cannot triage tickets.");
        }
    }

    private static DeskRow row(ResultSet rs, long viewer) throws SQLException {
        Integer budgetHours = rs.getObject("budget_hours", Integer.class);
        Integer budgetLeft = budgetHours == null ? null : budgetHours * 60 - rs.getInt("budget_used");
        var similar = new ArrayList<DeskRow.SimilarRef>();
        for (String s : strings(rs.getArray("similar"))) {
            String[] parts = s.split(":", 4);
            similar.add(new DeskRow.SimilarRef(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[3], parts[2]));
        }
        Long claimedById = rs.getObject("claimed_by_id", Long.class);
        String suggestedPriority = rs.getString("suggested_priority");
        return new DeskRow(
                rs.getLong("id"),
                rs.getLong("number"),
                rs.getString("subject"),
                TicketStatus.valueOf(rs.getString("status")),
                Priority.valueOf(rs.getString("priority")),
                TicketType.valueOf(rs.getString("type")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("requester_name"),
                rs.getString("organization_name"),
                rs.getString("service_name"),
                rs.getString("plan_name"),
                budgetLeft,
                rs.getObject("suggested_team_id", Long.class),
                rs.getString("suggested_team_name"),
                rs.getDouble("team_score"),
                strings(rs.getArray("matched_words")),
                rs.getObject("assignee_id", Long.class),
                rs.getString("assignee_name"),
                rs.getString("assignee_reason"),
                suggestedPriority == null ? null : Priority.valueOf(suggestedPriority),
                List.copyOf(similar),
                rs.getString("claimed_by"),
                claimedById != null && claimedById == viewer,
                strings(rs.getArray("viewers")),
                null);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

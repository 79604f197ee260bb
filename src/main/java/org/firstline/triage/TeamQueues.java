package org.firstline.triage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.firstline.directory.AgentService;
import org.firstline.directory.TeamService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.ticket.Priority;
import org.firstline.ticket.TicketChange;
import org.firstline.ticket.TicketChanges;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketType;
import org.firstline.ticket.TicketView;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Team queues for stand-ups, "take", and each team's first-line agent on duty. */
@Service
public class TeamQueues {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TeamService teams;
    private final AgentService agents;
    private final TicketChanges changes;

    TeamQueues(JdbcClient jdbc, Clock clock, TeamService teams, AgentService agents, TicketChanges changes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.teams = teams;
        this.agents = agents;
        this.changes = changes;
    }

    public TeamQueue queue(long teamId) {
        var team = teams.get(teamId);
        var desk = jdbc.sql("select last_standup_at, on_duty_agent_id from team_desk where team_id = ?")
                .param(teamId)
                .query((rs, n) -> new Object[] {rs.getTimestamp(1), rs.getObject(2, Long.class)})
                .optional();
        Timestamp lastStandup = desk.map(d -> (Timestamp) d[0]).orElse(null);
        Long onDuty = desk.map(d -> (Long) d[1]).orElse(null);
        var rows = jdbc.sql("""
                select t.id, t.number, t.subject, t.status, t.priority, t.type, c.name as requester, o.name as organization,
                       t.created_at, coalesce(r.routed_at, t.created_at) as routed_at
                from ticket t
                join contact c on c.id = t.requester_id
                left join organization o on o.id = t.organization_id
                left join ticket_routing r on r.ticket_id = t.id and r.team_id = t.team_id
                where t.team_id = ? and t.owner_id is null and t.status in ('NEW', 'OPEN')
                order by (case t.priority when 'CRITICAL' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end), routed_at, t.id
                limit 500""")
                .param(teamId)
                .query((rs, n) -> {
                    Instant routed = rs.getTimestamp("routed_at").toInstant();
                    return new QueueRow(
                            rs.getLong("id"),
                            rs.getLong("number"),
                            rs.getString("subject"),
                            TicketStatus.valueOf(rs.getString("status")),
                            Priority.valueOf(rs.getString("priority")),
                            TicketType.valueOf(rs.getString("type")),
                            rs.getString("requester"),
                            rs.getString("organization"),
                            rs.getTimestamp("created_at").toInstant(),
                            routed,
                            lastStandup == null || routed.isAfter(lastStandup.toInstant()));
                })
                .list();
        return new TeamQueue(teamId, team.name(), lastStandup == null ? null : lastStandup.toInstant(), onDuty, rows);
    }

    /** Marks the stand-up held: what arrives from now on is new at the next one. */
    @Transactional
    public void standupHeld(long teamId, AgentPrincipal actor) {
        teams.get(teamId);
        jdbc.sql("""
                insert into team_desk (team_id, last_standup_at) values (?, ?)
                on conflict (team_id) do update set last_standup_at = excluded.last_standup_at""").params(teamId, Timestamp.from(clock.instant())).update();
    }

    /** Who is on first line for the team now (until rotas decide it); null clears it. */
    @Transactional
    public void setOnDuty(long teamId, @Nullable Long agentId) {
        var team = teams.get(teamId);
        if (agentId != null && !team.memberIds().contains(agentId)) {
            throw new InvalidRequestException("agentId", "agent " + agentId + " is not a member of " + team.name());
        }
        jdbc.sql("""
                insert into team_desk (team_id, on_duty_agent_id) values (?, ?)
                on conflict (team_id) do update set on_duty_agent_id = excluded.on_duty_agent_id""").params(teamId, agentId).update();
    }

    public Optional<Long> onDuty(long teamId) {
        return jdbc.sql("select on_duty_agent_id from team_desk where team_id = ?")
                .param(teamId)
                .query(Long.class)
                .optional()
                .filter(java.util.Objects::nonNull);
    }

    /** Everyone on first line for some team now: who hears of trouble on tickets no team has yet. */
    public List<Long> onDutyAnywhere() {
        return jdbc.sql("select distinct on_duty_agent_id from team_desk where on_duty_agent_id is not null order by 1")
                .query((rs, n) -> rs.getLong(1))
                .list();
    }

    /** "Take": the agent becomes the owner of a ticket of one of their teams that nobody owns yet. */
    @Transactional
    public TicketView take(long ticketId, AgentPrincipal actor) {
        if (!actor.role().canWrite()) {
            throw new AccessDeniedException("Read-only agents cannot take tickets.");
        }
        var state = jdbc.sql("""
                select t.number, t.team_id, t.owner_id, a.display_name from ticket t left join agent a on a.id = t.owner_id
                where t.id = ? for update of t""")
                .param(ticketId)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class), rs.getString(4)
                })
                .optional()
                .orElseThrow(() -> new NotFoundException("Ticket " + ticketId + " does not exist."));
        if (state[2] != null) {
            throw new ConflictException(
                    ((Long) state[2]) == actor.id()
                            ? "Ticket #" + state[0] + " is already yours."
                            : "Ticket #" + state[0] + " was already taken by " + state[3] + ".");
        }
        if (state[1] == null) {
            throw new ConflictException("Ticket #" + state[0] + " has no team yet; it is on the triage desk.");
        }
        var me = agents.get(actor.id());
        if (!me.teamIds().contains((Long) state[1])) {
            throw new ConflictException("You are not a member of the ticket's team, "
                    + teams.get((Long) state[1]).name() + ".");
        }
        return changes.change(ticketId, TicketChange.routing(null, Optional.of(actor.id())), actor);
    }
}

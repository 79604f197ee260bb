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
import org.firstline.triage.internal.DutyRoster;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Team queues for stand-ups, "take", and who is on duty for each team (from its rota). */
@Service
public class TeamQueues {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TeamService teams;
    private final AgentService agents;
    private final TicketChanges changes;
    private final DutyRoster roster;

    TeamQueues(
            JdbcClient jdbc,
            Clock clock,
            TeamService teams,
            AgentService agents,
            TicketChanges changes,
            DutyRoster roster) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.teams = teams;
        this.agents = agents;
        this.changes = changes;
        this.roster = roster;
    }

    public TeamQueue queue(long teamId) {
        var team = teams.get(teamId);
        Timestamp lastStandup = jdbc.sql("select last_standup_at from team_desk where team_id = ?")
                .param(teamId)
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .orElse(null);
        Long onDuty = onDuty(teamId).orElse(null);
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

    /**
     * Sets by hand who is on first line for a team that has no published triage-desk or first-line rota; null clears
     * it. A team with such a rota gets its duty from the rota: changes are overrides there.
     */
    @Transactional
    public void setOnDuty(long teamId, @Nullable Long agentId) {
        var team = teams.get(teamId);
        if (roster.rotaDecides(teamId)) {
            throw new ConflictException(
                    "The rota decides who is on duty for " + team.name() + "; change it with an override on the rota.");
        }
        if (agentId != null && !team.memberIds().contains(agentId)) {
            throw new InvalidRequestException("agentId", "agent " + agentId + " is not a member of " + team.name());
        }
        jdbc.sql("""
                insert into team_desk (team_id, on_duty_agent_id) values (?, ?)
                on conflict (team_id) do update set on_duty_agent_id = excluded.on_duty_agent_id""").params(teamId, agentId).update();
    }

    /**
     * Who is on duty for the team now: from its published rota (the triage desk, else first line), or for a team
     * without one the person set by hand.
     */
    public Optional<Long> onDuty(long teamId) {
        return roster.onDuty(teamId).stream().findFirst();
    }

    /** Everyone on duty for the team now (a rota's shift may need several people). */
    public List<Long> onDutyAll(long teamId) {
        return roster.onDuty(teamId);
    }

    /** Whether the team's duty comes from a published rota rather than the hand-set person. */
    public boolean rotaDecides(long teamId) {
        return roster.rotaDecides(teamId);
    }

    /** Everyone on duty for some team now: who hears of trouble on tickets no team has yet. */
    public List<Long> onDutyAnywhere() {
        return roster.onDutyAnywhere();
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

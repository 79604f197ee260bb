package org.firstline.triage.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.firstline.ticket.Priority;
import org.firstline.triage.AssigneeSuggestion;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Component;

/**
 * Who of a team should take a ticket (2i2c's way): who is on duty now (from the team's rota), who last worked this organization's
 * service, whose skills the ticket mentions, and who has room (open tickets, hours this week against capacity).
 * Someone new to the organization with room for it and a ticket that is not urgent is a learning opportunity.
 */
@Component
public class AssigneeAdvisor {
    private static final Duration RECENT = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DutyRoster roster;

    AssigneeAdvisor(JdbcClient jdbc, Clock clock, DutyRoster roster) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.roster = roster;
    }

    private record Candidate(
            long id,
            String name,
            int capacityHours,
            int openTickets,
            int minutesThisWeek,
            @Nullable Instant lastWorkedService,
            @Nullable Instant lastWorkedOrganization,
            List<String> skills,
            boolean onDuty) {}

    public List<AssigneeSuggestion> suggest(TicketFacts.Facts ticket, long teamId, int limit) {
        Instant now = clock.instant();
        Instant weekStart = LocalDate.ofInstant(now, ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Set<Long> onDuty = new HashSet<>(roster.onDuty(teamId));
        List<Candidate> candidates = jdbc.sql("""
                select a.id, a.display_name, a.capacity_hours,
                       (select count(*) from ticket t where t.owner_id = a.id and t.status in ('NEW', 'OPEN', 'PENDING')) as open_tickets,
                       (select coalesce(sum(e.minutes), 0) from time_entry e where e.agent_id = a.id and e.worked_at >= :weekStart) as minutes_this_week,
                       greatest((select max(t.updated_at) from ticket t
                                 where t.service_id = :service and t.owner_id = a.id and t.id <> :ticket),
                                (select max(e.worked_at) from time_entry e join ticket t on t.id = e.ticket_id
                                 where e.agent_id = a.id and e.worked_at > :recent and t.service_id = :service and t.id <> :ticket)) as last_service,
                       (select max(t.updated_at) from ticket t
                         where t.organization_id = :organization and t.owner_id = a.id and t.id <> :ticket) as last_organization,
                       array(select s.name from agent_skill ags join skill s on s.id = ags.skill_id where ags.agent_id = a.id) as skills
                from team_member tm join agent a on a.id = tm.agent_id
                where tm.team_id = :team and a.active and a.role <> 'READ_ONLY'""")
                .param("weekStart", Timestamp.from(weekStart))
                .param("organization", ticket.organizationId())
                .param("service", ticket.serviceId())
                .param("ticket", ticket.id())
                .param("recent", Timestamp.from(now.minus(RECENT)))
                .param("team", teamId)
                .query((rs, n) -> new Candidate(
                        rs.getLong("id"),
                        rs.getString("display_name"),
                        rs.getInt("capacity_hours"),
                        rs.getInt("open_tickets"),
                        rs.getInt("minutes_this_week"),
                        instant(rs.getTimestamp("last_service")),
                        instant(rs.getTimestamp("last_organization")),
                        Arrays.asList((String[]) rs.getArray("skills").getArray()),
                        onDuty.contains(rs.getLong("id"))))
                .list();
        Set<String> ticketWords = new HashSet<>(Words.of(ticket.subject() + " " + ticket.body()));
        ticket.labels().forEach(l -> ticketWords.addAll(Words.of(l)));
        boolean urgent = ticket.priority() == Priority.HIGH || ticket.priority() == Priority.CRITICAL;
        var suggestions = new ArrayList<AssigneeSuggestion>();
        for (Candidate c : candidates) {
            var reasons = new ArrayList<String>();
            double score = 0;
            if (c.onDuty()) {
                score += 3;
                reasons.add("on first line now");
            }
            boolean history = false;
            if (recent(c.lastWorkedService(), now)) {
                score += 2;
                history = true;
                reasons.add("worked " + ticket.organizationName() + " / " + ticket.serviceName() + " "
                        + ago(c.lastWorkedService(), now));
            } else if (recent(c.lastWorkedOrganization(), now)) {
                score += 1.5;
                history = true;
                reasons.add("worked " + ticket.organizationName() + " " + ago(c.lastWorkedOrganization(), now));
            }
            List<String> skills = c.skills().stream()
                    .filter(s -> !Words.of(s).isEmpty() && ticketWords.containsAll(Words.of(s)))
                    .toList();
            if (!skills.isEmpty()) {
                score += skills.size();
                reasons.add("skills: " + String.join(", ", skills));
            }
            int capacityMinutes = Math.max(1, c.capacityHours() * 60);
            double used = (double) c.minutesThisWeek() / capacityMinutes;
            score -= c.openTickets() / 5.0 + 2 * used;
            reasons.add(c.openTickets() + " open tickets, " + hours(c.minutesThisWeek()) + " of " + c.capacityHours()
                    + " h this week");
            if (used >= 1) {
                score -= 3;
                reasons.add("over capacity");
            }
            boolean learning = !history && skills.isEmpty() && !urgent && used < 0.5;
            if (learning) {
                score += 0.5;
                reasons.add("learning opportunity: new to "
                        + (ticket.organizationName() == null ? "this kind of ticket" : ticket.organizationName()));
            }
            suggestions.add(new AssigneeSuggestion(
                    c.id(),
                    c.name(),
                    Math.round(score * 100) / 100.0,
                    List.copyOf(reasons),
                    learning,
                    c.openTickets(),
                    c.minutesThisWeek(),
                    c.capacityHours()));
        }
        suggestions.sort(Comparator.comparingDouble(AssigneeSuggestion::score)
                .reversed()
                .thenComparing(AssigneeSuggestion::name));
        return suggestions.size() > limit ? List.copyOf(suggestions.subList(0, limit)) : List.copyOf(suggestions);
    }

    @Contract("null, _ -> false")
    private static boolean recent(@Nullable Instant at, Instant now) {
        return at != null && at.isAfter(now.minus(RECENT));
    }

    private static String ago(Instant at, Instant now) {
        long days = Duration.between(at, now).toDays();
        return days == 0 ? "today" : days == 1 ? "yesterday" : days + " days ago";
    }

    private static String hours(int minutes) {
        return minutes % 60 == 0 ? minutes / 60 + " h" : String.format(java.util.Locale.ROOT, "%.1f h", minutes / 60.0);
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}

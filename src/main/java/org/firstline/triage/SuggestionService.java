package org.firstline.triage;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.firstline.directory.TeamService;
import org.firstline.directory.TeamView;
import org.firstline.platform.NotFoundException;
import org.firstline.ticket.Resolution;
import org.firstline.ticket.TicketStatus;
import org.firstline.triage.internal.AssigneeAdvisor;
import org.firstline.triage.internal.SimilarTickets;
import org.firstline.triage.internal.TeamBlend;
import org.firstline.triage.internal.TeamModel;
import org.firstline.triage.internal.TicketFacts;
import org.firstline.triage.internal.Words;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What Firstline suggests for a ticket: teams from the ownership map and the classifier, assignees with reasons, a
 * priority from factors, and similar past tickets with how they ended. The desk reads a stored copy of the team,
 * first assignee and similar tickets, refreshed when a ticket arrives.
 */
@Service
public class SuggestionService {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TicketFacts facts;
    private final OwnershipMap ownershipMap;
    private final TeamModel model;
    private final AssigneeAdvisor assignees;
    private final PriorityService priorities;
    private final TeamService teams;
    private final SimilarTickets similarIndex;
    private final io.micrometer.core.instrument.Timer suggestionTime;
    private volatile @Nullable Map<Long, String> teamNames;
    private volatile long teamNamesAt;

    SuggestionService(
            JdbcClient jdbc,
            Clock clock,
            TicketFacts facts,
            OwnershipMap ownershipMap,
            TeamModel model,
            AssigneeAdvisor assignees,
            PriorityService priorities,
            TeamService teams,
            SimilarTickets similarIndex,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.similarIndex = similarIndex;
        this.suggestionTime = io.micrometer.core.instrument.Timer.builder("firstline.triage.suggestions")
                .description("Time to compute all suggestions for one ticket")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
        this.jdbc = jdbc;
        this.clock = clock;
        this.facts = facts;
        this.ownershipMap = ownershipMap;
        this.model = model;
        this.assignees = assignees;
        this.priorities = priorities;
        this.teams = teams;
    }

    public TicketSuggestions suggest(long ticketId) {
        long started = System.nanoTime();
        try {
            return compute(ticketId);
        } finally {
            suggestionTime.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private TicketSuggestions compute(long ticketId) {
        var ticket =
                facts.of(ticketId).orElseThrow(() -> new NotFoundException("Ticket " + ticketId + " does not exist."));
        List<TeamSuggestion> teamSuggestions = teams(ticket);
        Long teamForAssignees = ticket.teamId() != null
                ? ticket.teamId()
                : teamSuggestions.isEmpty() ? null : teamSuggestions.get(0).teamId();
        List<AssigneeSuggestion> people =
                teamForAssignees == null ? List.of() : assignees.suggest(ticket, teamForAssignees, 3);
        return new TicketSuggestions(ticketId, teamSuggestions, people, priorities.suggest(ticket), similar(ticket, 5));
    }

    /** Teams only: what the desk row and the benchmark of routing need. */
    public List<TeamSuggestion> teams(long ticketId) {
        return teams(
                facts.of(ticketId).orElseThrow(() -> new NotFoundException("Ticket " + ticketId + " does not exist.")));
    }

    List<TeamSuggestion> teams(TicketFacts.Facts ticket) {
        var matches = ownershipMap.matcher().match(ticket.subject(), ticket.body());
        var classifier = model.classifier();
        var predictions = classifier == null ? null : classifier.predict(ticket.subject(), ticket.body());
        var blended = TeamBlend.combine(matches, predictions, model.weight());
        Map<Long, String> names =
                teamNames(blended.stream().map(TeamBlend.Scored::teamId).toList());
        var result = new ArrayList<TeamSuggestion>();
        Map<String, String> forms = null;
        for (var s : blended) {
            String name = names.get(s.teamId());
            if (name == null || s.score() < 0.01) continue;
            if (forms == null && !s.learnedWords().isEmpty())
                forms = Words.surfaceForms(ticket.subject() + "\n" + ticket.body());
            var shown = forms == null ? s.learnedWords() : readable(s.learnedWords(), forms, s.ruleWords());
            result.add(
                    new TeamSuggestion(s.teamId(), name, Math.round(s.score() * 1000) / 1000.0, s.ruleWords(), shown));
            if (result.size() == 3) break;
        }
        return List.copyOf(result);
    }

    /** Team names, read again every few seconds or when a team is new: every suggestion needs them and they rarely change. */
    private Map<Long, String> teamNames(List<Long> needed) {
        var cached = teamNames;
        if (cached == null
                || System.nanoTime() - teamNamesAt > 5_000_000_000L
                || !cached.keySet().containsAll(needed)) {
            cached = teams.list().stream().collect(Collectors.toMap(TeamView::id, TeamView::name));
            teamNames = cached;
            teamNamesAt = System.nanoTime();
        }
        return cached;
    }

    /** Learned words as the ticket wrote them, leaving out numbers and what the map already named. */
    private static List<String> readable(List<String> stems, Map<String, String> forms, List<String> ruleWords) {
        return stems.stream()
                .map(w -> forms.getOrDefault(w, w))
                .filter(w -> !w.chars().allMatch(Character::isDigit))
                .filter(w -> !ruleWords.contains(w))
                .distinct()
                .toList();
    }

    /** Stores what the desk shows for this ticket. */
    public void refresh(long ticketId) {
        refresh(ticketId, false);
    }

    /** A new ticket's suggestions, computed in the transaction that opens it. */
    public void refreshOpened(long ticketId) {
        refresh(ticketId, true);
    }

    private void refresh(long ticketId, boolean opened) {
        var ticket = facts.of(ticketId).orElse(null);
        if (ticket == null) return;
        List<TeamSuggestion> teamSuggestions = teams(ticket);
        TeamSuggestion best = teamSuggestions.isEmpty() ? null : teamSuggestions.get(0);
        List<AssigneeSuggestion> people = best == null ? List.of() : assignees.suggest(ticket, best.teamId(), 1);
        var priority = opened ? priorities.suggestForOpened(ticket) : priorities.suggest(ticket);
        List<Long> similarIds =
                similar(ticket, 3).stream().map(SimilarTicket::id).toList();
        var words = new LinkedHashSet<String>();
        if (best != null) {
            words.addAll(best.ruleWords());
            words.addAll(best.learnedWords());
        }
        jdbc.sql("""
                insert into ticket_suggestion (ticket_id, team_id, team_score, matched_words, assignee_id, assignee_reason, priority,
                                               similar_ids, computed_at)
                values (:ticket, :team, :score, :words, :assignee, :reason, :priority, :similar, :now)
                on conflict (ticket_id) do update set team_id = excluded.team_id, team_score = excluded.team_score,
                    matched_words = excluded.matched_words, assignee_id = excluded.assignee_id,
                    assignee_reason = excluded.assignee_reason, priority = excluded.priority, similar_ids = excluded.similar_ids,
                    computed_at = excluded.computed_at""")
                .param("ticket", ticketId)
                .param("team", best == null ? null : best.teamId())
                .param("score", best == null ? 0f : (float) best.score())
                .param("words", words.stream().limit(8).toArray(String[]::new))
                .param("assignee", people.isEmpty() ? null : people.get(0).agentId())
                .param(
                        "reason",
                        people.isEmpty() ? "" : String.join("; ", people.get(0).reasons()))
                .param("priority", priority.suggested().name())
                .param("similar", similarIds.toArray(Long[]::new))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public List<SimilarTicket> similar(long ticketId) {
        return similar(
                facts.of(ticketId).orElseThrow(() -> new NotFoundException("Ticket " + ticketId + " does not exist.")),
                5);
    }

    /** Resolved tickets most like this one (by the words of subject and first message), with how they ended. */
    List<SimilarTicket> similar(TicketFacts.Facts ticket, int limit) {
        var matches = similarIndex.find(ticket.subject(), ticket.body(), ticket.id(), limit);
        if (matches.isEmpty()) return List.of();
        Map<Long, Double> score = matches.stream().collect(Collectors.toMap(m -> m.id(), m -> m.similarity()));
        return jdbc
                .sql("""
                select t.id, t.number, t.subject, t.status, t.resolution, t.resolution_link, t.resolved_at,
                       (select left(m.body, 300) from message m where m.ticket_id = t.id and m.kind = 'PUBLIC'
                          and m.author_agent_id is not null order by m.id desc limit 1) as last_reply
                from ticket t where t.id = any(?)""")
                .param(score.keySet().toArray(Long[]::new))
                .query((rs, n) -> new SimilarTicket(
                        rs.getLong("id"),
                        rs.getLong("number"),
                        rs.getString("subject"),
                        TicketStatus.valueOf(rs.getString("status")),
                        rs.getString("resolution") == null ? null : Resolution.valueOf(rs.getString("resolution")),
                        rs.getString("resolution_link"),
                        rs.getTimestamp("resolved_at") == null
                                ? null
                                : rs.getTimestamp("resolved_at").toInstant(),
                        rs.getString("last_reply"),
                        Math.round(Objects.requireNonNull(score.get(rs.getLong("id")), "one of the matches") * 1000)
                                / 1000.0))
                .list()
                .stream()
                .sorted((a, b) -> Double.compare(b.similarity(), a.similarity()))
                .toList();
    }
}

package org.firstline.ticketform.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firstline.incident.PublicIncident;
import org.firstline.incident.StatusBoard;
import org.firstline.ticketform.DeflectionRule;
import org.firstline.ticketform.DeflectionRules;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The counts per rule and per incident, from the written views (so up to a second or so behind). */
@Component
public class DeflectionFigures {
    public record RuleFigures(long ruleId, String title, long shown, long clicks, long deflected) {}

    public record IncidentFigures(long incidentId, String title, long views, long deflected) {}

    public record Figures(List<RuleFigures> rules, List<IncidentFigures> incidents) {}

    private record Count(long id, long views, long deflected) {}

    private final JdbcClient jdbc;
    private final DeflectionRules rules;
    private final StatusBoard board;

    DeflectionFigures(JdbcClient jdbc, DeflectionRules rules, StatusBoard board) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.board = board;
    }

    public Figures figures() {
        Map<Long, Count> shown = counts("rules_shown");
        Map<Long, Count> clicked = counts("rules_clicked");
        Map<Long, Count> incidents = counts("incidents");
        var ruleFigures = rules.list().stream()
                .map(r -> figures(r, shown.get(r.id()), clicked.get(r.id())))
                .toList();
        Map<Long, String> titles = new HashMap<>();
        for (PublicIncident i : board.current().incidents()) titles.put(i.id(), i.title());
        var incidentFigures = incidents.values().stream()
                .sorted((a, b) -> Long.compare(b.id(), a.id()))
                .map(c -> new IncidentFigures(
                        c.id(), titles.getOrDefault(c.id(), "Incident " + c.id()), c.views(), c.deflected()))
                .toList();
        return new Figures(ruleFigures, incidentFigures);
    }

    private static RuleFigures figures(DeflectionRule rule, @Nullable Count shown, @Nullable Count clicked) {
        return new RuleFigures(
                rule.id(),
                rule.title(),
                shown == null ? 0 : shown.views(),
                clicked == null ? 0 : clicked.views(),
                shown == null ? 0 : shown.deflected());
    }

    private Map<Long, Count> counts(String column) {
        Map<Long, Count> counts = new HashMap<>();
        jdbc.sql("select id, count(*), count(*) filter (where outcome = 'DEFLECTED') from form_view, unnest(" + column
                        + ") as id group by id")
                .query((rs, n) -> new Count(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list()
                .forEach(c -> counts.put(c.id(), c));
        return counts;
    }
}

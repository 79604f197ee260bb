package org.firstline.triage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.firstline.ticket.Impact;
import org.firstline.ticket.Priority;
import org.firstline.triage.PriorityFactor;
import org.firstline.triage.Workaround;

/**
 * Priority from factors (Tilt's and dxw's): impact gives 0 to 5 points, a workaround takes one off and its absence
 * adds one, being common (several tickets or organizations on the same issue, many reactions on it) and blocking a
 * high-priority team or customer add one each. Up to 0 is LOW, 1-2 NORMAL, 3-4 HIGH, 5 and more CRITICAL; an outage
 * or data loss nobody can work around is CRITICAL whatever else. The customer's plan is no factor: no seed ranks a
 * request higher for its contract, and a 24/7 plan already runs critical tickets' clocks around the clock.
 */
public final class PriorityRules {
    public record Inputs(
            Impact impact,
            Workaround workaround,
            int linkedTickets,
            int linkedOrganizations,
            int issueReactions,
            boolean blocksPriorityWork) {}

    public record Outcome(Priority priority, int points, List<PriorityFactor> factors, String explanation) {}

    private PriorityRules() {}

    public static Outcome decide(Inputs in) {
        var factors = new ArrayList<PriorityFactor>();
        factors.add(new PriorityFactor(
                "Impact", in.impact().name().toLowerCase(Locale.ROOT).replace('_', ' '), impactPoints(in.impact())));
        factors.add(
                switch (in.workaround()) {
                    case YES -> new PriorityFactor("Workaround", "exists", -1);
                    case NO -> new PriorityFactor("Workaround", "none", 1);
                    case UNKNOWN -> new PriorityFactor("Workaround", "not known yet", 0);
                });
        boolean common = in.linkedTickets() >= 5 || in.linkedOrganizations() >= 3;
        factors.add(new PriorityFactor(
                "How common",
                in.linkedTickets() + " tickets, " + in.linkedOrganizations() + " organizations on the same issue",
                common ? 1 : 0));
        factors.add(new PriorityFactor(
                "Issue reactions", String.valueOf(in.issueReactions()), in.issueReactions() >= 10 ? 1 : 0));
        factors.add(new PriorityFactor(
                "Blocks a high-priority team or customer",
                in.blocksPriorityWork() ? "yes" : "no",
                in.blocksPriorityWork() ? 1 : 0));
        int points = factors.stream().mapToInt(PriorityFactor::points).sum();
        Priority priority = points <= 0
                ? Priority.LOW
                : points <= 2 ? Priority.NORMAL : points <= 4 ? Priority.HIGH : Priority.CRITICAL;
        boolean unworkableOutage =
                (in.impact() == Impact.OUTAGE || in.impact() == Impact.DATA_LOSS) && in.workaround() != Workaround.YES;
        String explanation = factors.stream()
                .filter(f -> f.points() != 0)
                .map(f -> f.name().toLowerCase(Locale.ROOT) + " " + f.value() + " (" + (f.points() > 0 ? "+" : "")
                        + f.points() + ")")
                .collect(Collectors.joining(", "));
        explanation = (explanation.isEmpty() ? "no factor adds points" : explanation) + " = " + points + " points";
        if (unworkableOutage && priority != Priority.CRITICAL) {
            priority = Priority.CRITICAL;
            explanation += "; an " + in.impact().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " without a workaround is always critical";
        }
        return new Outcome(priority, points, List.copyOf(factors), explanation);
    }

    static int impactPoints(Impact impact) {
        return switch (impact) {
            case NONE -> 0;
            case MINOR -> 1;
            case DEGRADED -> 2;
            case MAJOR -> 3;
            case OUTAGE -> 4;
            case DATA_LOSS -> 5;
        };
    }
}

package org.firstline.triage.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.firstline.ticket.Impact;
import org.jspecify.annotations.Nullable;

/**
 * 2i2c's order for non-incident work: a funded request, then work that affects many organizations, that is aligned
 * with our goals, that is aligned with upstream; then the organization that has used the smallest share of its budget,
 * high impact on one organization breaking ties; then the cut line ("our other work"); below it organizations with no
 * budget left (or none at all), again by impact, then oldest first.
 */
public final class WorkQueueOrder {
    public record Entry(long id, boolean funded, int organizationsAffected, boolean alignedWithGoals, boolean alignedWithUpstream,
            @Nullable Double budgetShareUsed, Impact impact, java.time.Instant createdAt) {

        boolean manyOrganizations() {
            return organizationsAffected >= 2;
        }

        boolean hasBudget() {
            return budgetShareUsed != null && budgetShareUsed < 1;
        }

        /** Above the cut line: it earns its place by funding, reach, alignment or budget left. */
        public boolean aboveCutLine() {
            return funded || manyOrganizations() || alignedWithGoals || alignedWithUpstream || hasBudget();
        }

        public String why() {
            if (funded) return "funded request";
            if (manyOrganizations()) return "affects " + organizationsAffected + " organizations";
            if (alignedWithGoals) return "aligned with our goals";
            if (alignedWithUpstream) return "aligned with upstream";
            if (budgetShareUsed != null && hasBudget()) return Math.round(budgetShareUsed * 100) + " % of budget used";
            return budgetShareUsed == null ? "no support budget" : "budget used up";
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing((Entry e) -> !e.aboveCutLine())
            .thenComparing(e -> !e.funded())
            .thenComparing(e -> !e.manyOrganizations())
            .thenComparing(e -> !e.alignedWithGoals())
            .thenComparing(e -> !e.alignedWithUpstream())
            .thenComparingDouble(e -> e.budgetShareUsed() != null && e.hasBudget() ? e.budgetShareUsed() : 2)
            .thenComparing(Entry::impact, Comparator.reverseOrder())
            .thenComparing(Entry::createdAt)
            .thenComparingLong(Entry::id);

    private WorkQueueOrder() {}

    public static <T> List<T> sort(List<T> items, java.util.function.Function<T, Entry> entry) {
        var sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(entry, ORDER));
        return sorted;
    }
}

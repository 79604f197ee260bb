package org.firstline.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.firstline.ticket.Impact;
import org.junit.jupiter.api.Test;

class WorkQueueOrderTest {
    private static final Instant T = Instant.parse("2026-11-01T09:00:00Z");

    private static WorkQueueOrder.Entry entry(long id, boolean funded, int organizations, boolean goals, boolean upstream,
            Double share, Impact impact, int ageHours) {
        return new WorkQueueOrder.Entry(id, funded, organizations, goals, upstream, share, impact, T.minusSeconds(ageHours * 3600L));
    }

    @Test
    void followsTwoIiCsOrderWithTheCutLineAboveOrganizationsWithoutBudget() {
        var entries = List.of(
                entry(1, false, 1, false, false, null, Impact.MAJOR, 90),      // no plan: below the line
                entry(2, false, 1, false, false, 0.80, Impact.MINOR, 10),      // 80 % used
                entry(3, false, 1, false, false, 0.10, Impact.MINOR, 1),       // 10 % used
                entry(4, true, 1, false, false, 1.50, Impact.NONE, 1),         // funded, even over budget
                entry(5, false, 3, false, false, 0.90, Impact.NONE, 1),        // affects three organizations
                entry(6, false, 1, true, false, 0.95, Impact.NONE, 1),         // aligned with goals
                entry(7, false, 1, false, true, 0.95, Impact.NONE, 1),         // aligned with upstream
                entry(8, false, 1, false, false, 0.10, Impact.OUTAGE, 1),      // same share as 3, higher impact
                entry(9, false, 1, false, false, 1.00, Impact.DATA_LOSS, 200), // budget used up: below the line
                entry(10, false, 1, false, false, 1.20, Impact.MINOR, 300));   // over budget, oldest
        var sorted = WorkQueueOrder.sort(entries, e -> e);
        assertThat(sorted).extracting(WorkQueueOrder.Entry::id).containsExactly(4L, 5L, 6L, 7L, 8L, 3L, 2L, 9L, 1L, 10L);
        assertThat(sorted).extracting(WorkQueueOrder.Entry::aboveCutLine)
                .containsExactly(true, true, true, true, true, true, true, false, false, false);
        assertThat(sorted.get(0).why()).isEqualTo("funded request");
        assertThat(sorted.get(6).why()).isEqualTo("80 % of budget used");
        assertThat(sorted.get(8).why()).isEqualTo("no support budget");
        assertThat(sorted.get(9).why()).isEqualTo("budget used up");
    }
}

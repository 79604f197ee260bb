package org.firstline.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.firstline.ticket.Impact;
import org.firstline.ticket.Priority;
import org.firstline.triage.Workaround;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityRulesTest {

    @ParameterizedTest(
            name = "{0} impact, workaround {1}, {2} tickets/{3} orgs, {4} reactions, blocks {5} -> {6} ({7} points)")
    @CsvSource({
        // impact,   workaround, tickets, orgs, reactions, blocks, priority, points
        "NONE,       UNKNOWN,    1,       1,    0,         false, LOW,      0",
        "MINOR,      YES,        1,       1,    0,         false, LOW,      0",
        "MINOR,      UNKNOWN,    1,       1,    0,         false, NORMAL,   1",
        "DEGRADED,   NO,         1,       1,    0,         false, HIGH,     3",
        "DEGRADED,   YES,        6,       2,    0,         false, NORMAL,   2",
        "DEGRADED,   UNKNOWN,    2,       3,    12,        false, HIGH,     4",
        "MAJOR,      NO,         1,       1,    0,         true, CRITICAL, 5",
        "MAJOR,      YES,        1,       1,    0,         false, NORMAL,   2",
        "OUTAGE,     YES,        1,       1,    0,         false, HIGH,     3",
        "OUTAGE,     UNKNOWN,    1,       1,    0,         false, CRITICAL, 4",
        "DATA_LOSS,  YES,        1,       1,    0,         false, HIGH,     4",
        "DATA_LOSS,  UNKNOWN,    1,       1,    0,         false, CRITICAL, 5",
        "NONE,       NO,         5,       1,    10,        true,  HIGH,     4",
    })
    void factorsAddUpToAPriority(
            Impact impact,
            Workaround workaround,
            int tickets,
            int organizations,
            int reactions,
            boolean blocks,
            Priority expected,
            int points) {
        var outcome = PriorityRules.decide(
                new PriorityRules.Inputs(impact, workaround, tickets, organizations, reactions, blocks));
        assertThat(outcome.priority()).isEqualTo(expected);
        assertThat(outcome.points()).isEqualTo(points);
        assertThat(outcome.factors()).hasSize(5);
        assertThat(outcome.explanation())
                .endsWith(points + " points"
                        + (outcome.explanation().contains("always critical")
                                ? outcome.explanation()
                                        .substring(outcome.explanation().indexOf(';'))
                                : ""));
    }

    @org.junit.jupiter.api.Test
    void noSeedRanksARequestHigherForItsPlanSoThePlanIsNoFactor() {
        var outcome = PriorityRules.decide(new PriorityRules.Inputs(Impact.MAJOR, Workaround.YES, 1, 1, 0, false));
        assertThat(outcome.factors()).extracting(f -> f.name()).doesNotContain("Plan");
        assertThat(outcome.priority()).isEqualTo(Priority.NORMAL);
    }
}

package org.firstline.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.firstline.ticket.Impact;
import org.firstline.ticket.Priority;
import org.firstline.triage.Workaround;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityRulesTest {

    @ParameterizedTest(name = "{0} impact, workaround {1}, {2} tickets/{3} orgs, {4} reactions, blocks {5}, 24/7 {6} -> {7} ({8} points)")
    @CsvSource({
        // impact,   workaround, tickets, orgs, reactions, blocks, 24/7, priority, points
        "NONE,       UNKNOWN,    1,       1,    0,         false,  false, LOW,      0",
        "MINOR,      YES,        1,       1,    0,         false,  false, LOW,      0",
        "MINOR,      UNKNOWN,    1,       1,    0,         false,  false, NORMAL,   1",
        "DEGRADED,   NO,         1,       1,    0,         false,  false, HIGH,     3",
        "DEGRADED,   YES,        6,       2,    0,         false,  false, NORMAL,   2",
        "DEGRADED,   UNKNOWN,    2,       3,    12,        false,  false, HIGH,     4",
        "MAJOR,      NO,         1,       1,    0,         true,   false, CRITICAL, 5",
        "MAJOR,      YES,        1,       1,    0,         false,  true,  HIGH,     3",
        "OUTAGE,     YES,        1,       1,    0,         false,  false, HIGH,     3",
        "OUTAGE,     UNKNOWN,    1,       1,    0,         false,  false, CRITICAL, 4",
        "DATA_LOSS,  YES,        1,       1,    0,         false,  false, HIGH,     4",
        "DATA_LOSS,  UNKNOWN,    1,       1,    0,         false,  false, CRITICAL, 5",
        "NONE,       NO,         5,       1,    10,        true,   true,  CRITICAL, 5",
    })
    void factorsAddUpToAPriority(Impact impact, Workaround workaround, int tickets, int organizations, int reactions,
            boolean blocks, boolean aroundTheClock, Priority expected, int points) {
        var outcome = PriorityRules.decide(new PriorityRules.Inputs(impact, workaround, tickets, organizations, reactions, blocks,
                aroundTheClock ? "Premium 24/7" : "Standard", aroundTheClock));
        assertThat(outcome.priority()).isEqualTo(expected);
        assertThat(outcome.points()).isEqualTo(points);
        assertThat(outcome.factors()).hasSize(6);
        assertThat(outcome.explanation()).endsWith(points + " points" + (outcome.explanation().contains("always critical")
                ? outcome.explanation().substring(outcome.explanation().indexOf(';')) : ""));
    }
}

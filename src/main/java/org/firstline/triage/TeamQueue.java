package org.firstline.triage;

import java.time.Instant;
import java.util.List;

/** What a team's stand-up goes through: tickets it got that nobody owns, those new since the last stand-up marked. */
public record TeamQueue(long teamId, String teamName, Instant lastStandupAt, Long onDutyAgentId, List<QueueRow> rows) {

    public long newCount() {
        return rows.stream().filter(QueueRow::newSinceStandup).count();
    }
}

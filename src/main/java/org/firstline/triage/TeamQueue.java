package org.firstline.triage;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a team's stand-up goes through: tickets it got that nobody owns, those new since the last stand-up marked. */
public record TeamQueue(
        long teamId,
        String teamName,
        @Nullable Instant lastStandupAt,
        @Nullable Long onDutyAgentId,
        List<QueueRow> rows) {

    public long newCount() {
        return rows.stream().filter(QueueRow::newSinceStandup).count();
    }
}

package org.firstline.triage;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A triage session: who started it, who took part, how many tickets waited when it began and how many were handled.
 * {@code backlogSince} is when the previous session ended: tickets that came in after it are the new backlog.
 */
public record TriageSessionView(
        long id,
        String startedBy,
        Instant startedAt,
        @Nullable Instant endedAt,
        Instant timeboxEndsAt,
        @Nullable Instant backlogSince,
        int backlogAtStart,
        int handled,
        List<String> participants) {

    public boolean running() {
        return endedAt == null;
    }

    /** How long the session took, once it ended. */
    public @Nullable Long minutes() {
        return endedAt == null
                ? null
                : java.time.Duration.between(startedAt, endedAt).toMinutes();
    }
}

package org.firstline.incident;

import java.time.Instant;
import java.util.List;

/** Planned work as the public sees it; its status follows from the clock, so a cached copy stays right. */
public record PublicMaintenance(
        long id,
        String title,
        String body,
        Instant scheduledFor,
        Instant scheduledUntil,
        List<Long> componentIds,
        Instant createdAt,
        Instant updatedAt) {

    /** Statuspage's words: {@code scheduled}, {@code in_progress} or {@code completed}. */
    public String status(Instant now) {
        if (now.isBefore(scheduledFor)) return "scheduled";
        return now.isBefore(scheduledUntil) ? "in_progress" : "completed";
    }

    public boolean inProgress(Instant now) {
        return status(now).equals("in_progress");
    }
}

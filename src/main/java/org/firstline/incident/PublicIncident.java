package org.firstline.incident;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A public incident with its public updates, newest first, and the components it affects. */
public record PublicIncident(
        long id,
        String title,
        IncidentStatus status,
        IncidentImpact impact,
        Instant declaredAt,
        Instant updatedAt,
        @Nullable Instant resolvedAt,
        List<PublicUpdate> updates,
        List<Long> componentIds) {

    public boolean resolved() {
        return status == IncidentStatus.RESOLVED;
    }

    /** The newest public update, if any was posted. */
    public @Nullable PublicUpdate latest() {
        return updates.isEmpty() ? null : updates.getFirst();
    }
}

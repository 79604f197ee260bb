package org.firstline.incident.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.firstline.incident.IncidentImpact;
import org.firstline.incident.IncidentStatus;
import org.jspecify.annotations.Nullable;

/** A line of the incident list. */
public record IncidentSummary(
        long id,
        String title,
        IncidentStatus status,
        IncidentImpact impact,
        int severity,
        @JsonProperty("public") boolean isPublic,
        Instant declaredAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant nextUpdateDueAt,
        long linkedTickets) {}

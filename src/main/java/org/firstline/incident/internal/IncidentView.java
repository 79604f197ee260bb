package org.firstline.incident.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.firstline.incident.IncidentImpact;
import org.firstline.incident.IncidentStatus;
import org.jspecify.annotations.Nullable;

/** An incident as agents work it: header, people, what it affects, its timeline and the reminders sent. */
public record IncidentView(
        long id,
        String title,
        IncidentStatus status,
        IncidentImpact impact,
        int severity,
        @JsonProperty("public") boolean isPublic,
        Source source,
        @Nullable String alertKey,
        Instant declaredAt,
        Instant updatedAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant nextUpdateDueAt,
        @Nullable Named technicalLead,
        @Nullable Named communicationsLead,
        List<Named> responders,
        List<Named> organizations,
        List<Named> services,
        List<Named> components,
        List<TimelineEntry> timeline,
        long linkedTickets,
        List<Instant> reminders) {

    /** Where an incident came from. */
    public enum Source {
        MANUAL,
        TICKET,
        ALERT,
        SURGE
    }

    /** Something referred to by id with the name to show. */
    public record Named(long id, String name) {}

    /** One update on the timeline; internal ones are for agents only. */
    public record TimelineEntry(
            long id,
            IncidentStatus status,
            String body,
            @JsonProperty("public") boolean isPublic,
            Instant postedAt,
            @Nullable String postedBy) {}

    public boolean resolved() {
        return status == IncidentStatus.RESOLVED;
    }
}

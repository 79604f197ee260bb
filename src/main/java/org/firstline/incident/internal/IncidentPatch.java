package org.firstline.incident.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.firstline.incident.IncidentImpact;
import org.jspecify.annotations.Nullable;

/**
 * A change of an incident's fields; a field left out stays. Leads are cleared with 0. The lists replace what was
 * there. Status changes only with an update on the timeline.
 */
public record IncidentPatch(
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters") @Nullable
        String title,

        @Nullable Integer severity,
        @Nullable IncidentImpact impact,
        @JsonProperty("public") @Nullable Boolean isPublic,
        @Nullable Long technicalLeadId,
        @Nullable Long communicationsLeadId,

        @Size(max = 100, message = "must be at most 100 agents") @Nullable
        List<Long> responderIds,

        @Size(max = 1000, message = "must be at most 1000 organizations") @Nullable
        List<Long> organizationIds,

        @Size(max = 1000, message = "must be at most 1000 services") @Nullable
        List<Long> serviceIds,

        @Size(max = 1000, message = "must be at most 1000 components") @Nullable
        List<Long> componentIds) {}

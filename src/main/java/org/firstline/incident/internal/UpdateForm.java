package org.firstline.incident.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.firstline.incident.IncidentStatus;
import org.firstline.ticket.Resolution;
import org.jspecify.annotations.Nullable;

/**
 * An update on the timeline, the only way an incident changes status. Public (the default) goes to the status page,
 * every linked requester and every subscriber; internal stays with agents. Resolving with {@code resolveTickets}
 * resolves the linked open tickets as well ({@code ticketResolution}, workaround unless said).
 */
public record UpdateForm(
        @NotBlank(message = "is required: say what changed")
        @Size(max = 20000, message = "must be at most 20000 characters")
        @Nullable
        String body,

        @Nullable IncidentStatus status,
        @JsonProperty("public") @Nullable Boolean isPublic,
        @Nullable Boolean resolveTickets,
        @Nullable Resolution ticketResolution,

        @Size(max = 2000, message = "must be at most 2000 characters") @Nullable
        String ticketResolutionLink) {

    boolean publicUpdate() {
        return isPublic == null || isPublic;
    }
}

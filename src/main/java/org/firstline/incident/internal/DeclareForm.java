package org.firstline.incident.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.firstline.incident.IncidentImpact;
import org.jspecify.annotations.Nullable;

/**
 * Declaring an incident. The title is the public one and always the agent's: declaring from a ticket links the ticket
 * and copies none of its text. An alert's incident is not public until an agent makes it so, since a machine wrote
 * its title; a repeated alert key joins the open incident it declared. {@code update} is an internal note that
 * starts the timeline; customers hear from the first public update. Tickets to link are given by id, by the number
 * agents see, or both; an unknown one is named under the field it was given in.
 */
public record DeclareForm(
        @NotBlank(message = "is required: the public title customers will read")
        @Size(max = 200, message = "must be at most 200 characters")
        @Nullable
        String title,

        IncidentView.@Nullable Source source,
        @Nullable Long fromTicketId,

        @Size(max = 200, message = "must be at most 200 characters") @Nullable
        String alertKey,

        @Size(max = 10000, message = "must be at most 10000 tickets") @Nullable
        List<Long> ticketIds,

        @Size(max = 10000, message = "must be at most 10000 tickets") @Nullable
        List<Long> ticketNumbers,

        @Nullable Integer severity,
        @Nullable IncidentImpact impact,
        @JsonProperty("public") @Nullable Boolean isPublic,

        @Size(max = 20000, message = "must be at most 20000 characters") @Nullable
        String update) {}

package org.firstline.integration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What engineering needs to know: a title and the agent's own text. A public tracker's issue carries exactly these
 * (and a link back); an internal tracker's also carries the organization, priority and the requester's words.
 */
public record EscalationForm(
        @NotNull(message = "is required") Tracker tracker,

        @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters")
        String summary,

        @Size(max = 20000, message = "must be at most 20000 characters") @Nullable
        String investigation) {}

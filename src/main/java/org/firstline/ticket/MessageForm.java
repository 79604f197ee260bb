package org.firstline.ticket;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A reply or note. An agent writes it unless {@code fromRequester} is set, which records a message the requester
 * sent through another channel (e.g. forwarded by an integration).
 */
public record MessageForm(
        @NotBlank(message = "is required") @Size(max = 200000, message = "must be at most 200000 characters")
        String body,

        @Nullable MessageKind kind,

        @Email(message = "must be an email address") @Nullable
        String fromRequester) {}

package org.firstline.ticket;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A link to another ticket (by id) or to an external issue (by URL). {@code merge} on a DUPLICATE_OF link closes
 * this ticket and carries its conversation over to the other one.
 */
public record LinkForm(
        @NotNull(message = "is required") LinkKind kind,
        @Nullable Long ticketId,

        @Size(max = 2000, message = "must be at most 2000 characters") @Nullable
        String url,

        @Nullable Boolean merge) {}

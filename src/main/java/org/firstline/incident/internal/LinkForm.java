package org.firstline.incident.internal;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Tickets to link, by id or by the number agents see; up to 10,000 at once. */
public record LinkForm(
        @Size(max = 10000, message = "must be at most 10000 tickets") @Nullable
        List<Long> ticketIds,

        @Size(max = 10000, message = "must be at most 10000 tickets") @Nullable
        List<Long> ticketNumbers) {}

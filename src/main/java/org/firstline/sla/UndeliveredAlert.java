package org.firstline.sla;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A warning or breach nobody could be told of after every attempt: set aside until an admin tries it again. */
public record UndeliveredAlert(
        long eventId,
        SlaAlertKind kind,
        SlaTarget target,
        long ticketId,
        long ticketNumber,
        String subject,
        int attempts,
        @Nullable String lastError,
        @Nullable Instant deadLetteredAt) {}

package org.firstline.rota;

import java.time.Instant;

/** An out-of-office entered after publishing left a slot of a published rota with nobody in it. */
public record RotaSlotEmptied(
        long rotationId,
        String rotationName,
        long shiftId,
        String role,
        long agentId,
        Instant startsAt,
        Instant endsAt) {}

package org.firstline.rota;

import java.time.Instant;

/** A person on a rotation's duty, in a slot role, from when to when (the shift, or the override that put them there). */
public record OnShift(
        long rotationId,
        String rotationName,
        long agentId,
        String agentName,
        String role,
        Instant startsAt,
        Instant endsAt) {}

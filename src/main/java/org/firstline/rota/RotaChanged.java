package org.firstline.rota;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A published rota changed: who changed it, what, which people it moves and from when. {@code shortNotice} when it
 * takes effect sooner than the rotation's notice period; the people and the rotation's team are told.
 */
public record RotaChanged(
        long rotationId,
        String rotationName,
        @Nullable Long teamId,
        String changedBy,
        String what,
        List<Long> agentIds,
        Instant takesEffectAt,
        boolean shortNotice) {}

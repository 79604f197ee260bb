package org.firstline.rota;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something to look at before (or after) publishing: an unfilled slot (GAP), a planned person out of office (CLASH),
 * someone on several shifts running (CONSECUTIVE), a slot an out-of-office emptied after publishing (EMPTIED).
 */
public record RotaWarning(
        Kind kind,
        String message,
        @Nullable Long shiftId,
        @Nullable Long agentId,
        @Nullable Instant startsAt) {
    public enum Kind {
        GAP,
        CLASH,
        CONSECUTIVE,
        EMPTIED
    }
}

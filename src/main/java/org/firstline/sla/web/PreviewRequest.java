package org.firstline.sla.web;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.firstline.sla.TargetUnit;
import org.jspecify.annotations.Nullable;

/** A calendar check: from {@code start}, so much working time (minutes or working days), skipping pauses; optionally to {@code end}. */
record PreviewRequest(
        @NotNull(message = "is required") Instant start,
        long amount,
        @Nullable TargetUnit unit,
        @Nullable List<Pause> pauses,
        @Nullable Instant end) {
    record Pause(
            @NotNull(message = "is required") Instant from,
            @NotNull(message = "is required") Instant to) {}
}

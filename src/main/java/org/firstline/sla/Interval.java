package org.firstline.sla;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stretch of time {@code [from, to)}; an open one ({@code to} null) has not ended yet, as a pause still running. */
public record Interval(Instant from, @Nullable Instant to) {
    public Interval {
        if (from == null) throw new IllegalArgumentException("An interval needs a start");
        if (to != null && to.isBefore(from))
            throw new IllegalArgumentException("An interval cannot end before it starts");
    }

    public boolean open() {
        return to == null;
    }

    public @Nullable Duration length() {
        return to == null ? null : Duration.between(from, to);
    }
}

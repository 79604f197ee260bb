package org.firstline.sla;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record PauseView(
        String reason, Instant startedAt, @Nullable Instant endedAt) {}

package org.firstline.sla;

import java.time.Instant;

public record PauseView(String reason, Instant startedAt, Instant endedAt) {}

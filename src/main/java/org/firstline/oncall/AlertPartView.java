package org.firstline.oncall;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One alert of an Alertmanager group, by its fingerprint. */
public record AlertPartView(
        String fingerprint,
        AlertStatus status,
        Map<String, String> labels,
        Map<String, String> annotations,
        @Nullable Instant startsAt,
        @Nullable Instant endsAt,
        @Nullable String generatorUrl) {}

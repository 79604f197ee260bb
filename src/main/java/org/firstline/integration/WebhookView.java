package org.firstline.integration;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A webhook subscription; {@code disabledReason} says why Firstline stopped calling it. */
public record WebhookView(
        long id,
        String name,
        String url,
        List<WebhookEvent> events,
        boolean active,
        int consecutiveFailures,
        @Nullable String disabledReason,
        Instant createdAt) {}

package org.firstline.oncall;

import org.jspecify.annotations.Nullable;

/** A contact method as shown back: a webhook's address is a secret, so only its host is. */
public record ContactMethodView(
        long id,
        long agentId,
        String kind,
        @Nullable String email,
        @Nullable String urlHost,
        int delayMinutes) {}

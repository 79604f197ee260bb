package org.firstline.oncall;

import org.jspecify.annotations.Nullable;

/** A way to reach a person: EMAIL with {@code email} or WEBHOOK with {@code url}, tried {@code delayMinutes} into a page. */
public record ContactMethodForm(
        @Nullable String kind,
        @Nullable String email,
        @Nullable String url,
        @Nullable Integer delayMinutes) {}

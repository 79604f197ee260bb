package org.firstline.rota;

import org.jspecify.annotations.Nullable;

/**
 * An override over a time range (ISO instants): add someone ({@code addedAgentId} only), remove someone
 * ({@code removedAgentId} only) or replace one by the other (both). Role may be left out when the rotation has one.
 */
public record OverrideForm(
        @Nullable String role,
        @Nullable String startsAt,
        @Nullable String endsAt,
        @Nullable Long removedAgentId,
        @Nullable Long addedAgentId) {}

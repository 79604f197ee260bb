package org.firstline.incident;

import org.jspecify.annotations.Nullable;

/** A component as an admin creates or changes it; on a change, a null field stays as it was. */
public record ComponentForm(
        @Nullable String name,
        @Nullable String description,
        @Nullable String group,
        @Nullable Integer position,
        @Nullable ComponentStatus status) {}

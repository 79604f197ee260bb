package org.firstline.oncall.internal;

import org.firstline.oncall.AlertSourceKind;
import org.jspecify.annotations.Nullable;

/** What intake needs of a source, as its token resolved to. */
public record SourceRef(
        long id,
        String name,
        AlertSourceKind kind,
        long teamId,
        @Nullable Long serviceId,
        @Nullable Long organizationId,
        @Nullable Long calendarId) {}

package org.firstline.oncall;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

public record EscalationView(
        long id,
        SubjectKind subjectKind,
        long subjectId,
        long policyId,
        String policyName,
        String summary,
        boolean high,
        EscalationStatus status,
        int stepPosition,
        int loop,
        @Nullable Instant nextStepAt,
        @Nullable Instant waitUntil,
        @Nullable Long acknowledgedBy,
        @Nullable Instant acknowledgedAt,
        @Nullable Long resolvedBy,
        @Nullable Instant resolvedAt,
        @Nullable String note,
        Instant createdAt,
        List<PageView> pages) {}

package org.firstline.oncall;

import org.jspecify.annotations.Nullable;

/** Somebody has it: no more steps. {@code agentId} is null when acknowledged through a team channel's link. */
public record EscalationAcknowledged(
        long escalationId,
        SubjectKind subjectKind,
        long subjectId,
        @Nullable Long agentId) {}

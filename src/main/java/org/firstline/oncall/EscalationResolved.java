package org.firstline.oncall;

import org.jspecify.annotations.Nullable;

/** Resolved by a person (agentId) or because its alert or ticket was (agentId null). */
public record EscalationResolved(
        long escalationId,
        SubjectKind subjectKind,
        long subjectId,
        @Nullable Long agentId) {}

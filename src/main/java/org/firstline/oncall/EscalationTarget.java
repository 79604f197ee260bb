package org.firstline.oncall;

import org.jspecify.annotations.Nullable;

/** One target of a step: the id that goes with its kind is set, the others are null. */
public record EscalationTarget(
        TargetKind kind,
        @Nullable Long rotationId,
        @Nullable Long agentId,
        @Nullable Long teamId) {
    public static EscalationTarget rota(long rotationId) {
        return new EscalationTarget(TargetKind.ROTA, rotationId, null, null);
    }

    public static EscalationTarget agent(long agentId) {
        return new EscalationTarget(TargetKind.AGENT, null, agentId, null);
    }

    public static EscalationTarget channel(long teamId) {
        return new EscalationTarget(TargetKind.TEAM_CHANNEL, null, null, teamId);
    }
}

package org.firstline.oncall;

import java.util.List;

/** A level of a policy: its targets are paged on entering it; nobody acknowledging for {@code delayMinutes} moves on. */
public record EscalationStep(int delayMinutes, List<EscalationTarget> targets) {}

package org.firstline.sla.internal;

import org.firstline.sla.TargetUnit;

/** What one target of a ticket runs on now: its policy, calendar, amount and warning threshold. */
record SlaTerm(long policyId, long calendarId, int amount, TargetUnit unit, int atRiskPercent) {}

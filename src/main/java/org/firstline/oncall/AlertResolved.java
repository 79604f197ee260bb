package org.firstline.oncall;

import java.time.Instant;

/** Published (and recorded in {@code alert_event}) in the transaction that resolved an alert. */
public record AlertResolved(long alertId, Instant at) {}

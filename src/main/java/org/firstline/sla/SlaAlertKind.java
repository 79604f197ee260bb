package org.firstline.sla;

/** A clock past its warning threshold, or past its due time. */
public enum SlaAlertKind {
    AT_RISK,
    BREACHED
}

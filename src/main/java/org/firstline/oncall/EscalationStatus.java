package org.firstline.oncall;

/**
 * WAITING: low severity out of hours, for first line when its hours begin; ACTIVE: paging step by step;
 * ACKNOWLEDGED: somebody has it, no more steps; RESOLVED; HANDED_OVER: low severity, told to first line, never paged.
 */
public enum EscalationStatus {
    WAITING,
    ACTIVE,
    ACKNOWLEDGED,
    RESOLVED,
    HANDED_OVER;

    public boolean open() {
        return this == WAITING || this == ACTIVE || this == ACKNOWLEDGED;
    }
}

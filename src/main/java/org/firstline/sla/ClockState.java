package org.firstline.sla;

/** Where one clock stands. */
public enum ClockState {
    RUNNING,
    AT_RISK,
    PAUSED,
    BREACHED,
    MET,
    MET_LATE,
    STOPPED;

    public String label() {
        return switch (this) {
            case RUNNING -> "running";
            case AT_RISK -> "at risk";
            case PAUSED -> "paused";
            case BREACHED -> "breached";
            case MET -> "met";
            case MET_LATE -> "met late";
            case STOPPED -> "no longer applies";
        };
    }
}

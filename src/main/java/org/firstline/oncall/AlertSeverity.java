package org.firstline.oncall;

/**
 * How bad an alert is, most severe first. CRITICAL and HIGH are the high severities that page out of hours; LOW and
 * INFO wait for first line.
 */
public enum AlertSeverity {
    CRITICAL,
    HIGH,
    LOW,
    INFO;

    public boolean pagesOutOfHours() {
        return this == CRITICAL || this == HIGH;
    }

    /** The more severe of two. */
    public AlertSeverity worst(AlertSeverity other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}

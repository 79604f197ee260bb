package org.firstline.sla;

/** Business minutes on the calendar, or working days ("the same local time on the Nth working day"). */
public enum TargetUnit {
    MINUTES,
    WORKING_DAYS
}

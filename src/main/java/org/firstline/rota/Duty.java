package org.firstline.rota;

/**
 * What a rotation's people do. With a business calendar, first line, the triage desk and second line work in its hours
 * and on call works outside them ("out of hours"); without one, a shift covers all of its time.
 */
public enum Duty {
    TRIAGE_DESK,
    FIRST_LINE,
    ON_CALL,
    SECOND_LINE;

    /** Whether the duty is worked outside its calendar's hours rather than in them. */
    public boolean outOfHours() {
        return this == ON_CALL;
    }
}

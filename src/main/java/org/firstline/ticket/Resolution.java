package org.firstline.ticket;

/** How a ticket was fixed, for this customer and all future ones. Some categories must point at the change. */
public enum Resolution {
    CODE_FIX(true),
    UI_CHANGE(true),
    DOCUMENTATION(true),
    WORKAROUND(false),
    CUSTOMER_SIDE(false),
    SELF_SERVICE(true),
    OUT_OF_SCOPE(false),
    NOT_FIXED_IN_TIMEBOX(false),
    DUPLICATE(false),
    PLANNED_WORK_DONE(true);

    private final boolean needsLink;

    Resolution(boolean needsLink) {
        this.needsLink = needsLink;
    }

    public boolean needsLink() {
        return needsLink;
    }
}

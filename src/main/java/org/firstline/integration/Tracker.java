package org.firstline.integration;

/** Engineering's issue trackers: the public one (GitHub) and the internal one (Shortcut). */
public enum Tracker {
    GITHUB(true),
    SHORTCUT(false);

    private final boolean open;

    Tracker(boolean open) {
        this.open = open;
    }

    /** Anyone can read its issues: nothing a customer wrote may go there unless an agent wrote it for it. */
    public boolean isPublic() {
        return open;
    }
}

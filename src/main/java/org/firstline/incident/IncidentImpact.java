package org.firstline.incident;

import java.util.Locale;

/** How much of the service an incident takes away, on Statuspage's scale; the page's indicator is the worst one. */
public enum IncidentImpact {
    NONE,
    MINOR,
    MAJOR,
    CRITICAL;

    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.firstline.incident;

import java.util.Locale;

/** A component's status, with the names Statuspage uses so tools that read its JSON read ours. */
public enum ComponentStatus {
    OPERATIONAL("Operational"),
    DEGRADED_PERFORMANCE("Degraded performance"),
    PARTIAL_OUTAGE("Partial outage"),
    MAJOR_OUTAGE("Major outage"),
    UNDER_MAINTENANCE("Under maintenance");

    private final String label;

    ComponentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** As Statuspage writes it: {@code partial_outage}. */
    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

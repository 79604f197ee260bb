package org.firstline.incident;

import java.util.Locale;

/** Where an incident is in Statuspage's lifecycle. */
public enum IncidentStatus {
    INVESTIGATING("Investigating"),
    IDENTIFIED("Identified"),
    MONITORING("Monitoring"),
    RESOLVED("Resolved");

    private final String label;

    IncidentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

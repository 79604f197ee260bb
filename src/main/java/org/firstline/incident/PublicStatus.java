package org.firstline.incident;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Everything the public status page shows, as read from the database at {@code readAt}: components, incidents that
 * are open or were resolved in the last {@link #RECENT_DAYS} days, and maintenance not yet over or recently over.
 */
public record PublicStatus(
        String pageName,
        Instant readAt,
        List<PublicComponent> components,
        List<PublicIncident> incidents,
        List<PublicMaintenance> maintenances) {
    public static final int RECENT_DAYS = 14;

    public List<PublicIncident> unresolved() {
        return incidents.stream().filter(i -> !i.resolved()).toList();
    }

    /** Statuspage's page indicator: the worst open incident's impact, or what the components say. */
    public IncidentImpact indicator() {
        IncidentImpact fromIncidents = unresolved().stream()
                .map(PublicIncident::impact)
                .max(Comparator.naturalOrder())
                .orElse(IncidentImpact.NONE);
        IncidentImpact fromComponents = components.stream()
                .map(c -> switch (c.status()) {
                    case MAJOR_OUTAGE -> IncidentImpact.MAJOR;
                    case PARTIAL_OUTAGE, DEGRADED_PERFORMANCE -> IncidentImpact.MINOR;
                    case OPERATIONAL, UNDER_MAINTENANCE -> IncidentImpact.NONE;
                })
                .max(Comparator.naturalOrder())
                .orElse(IncidentImpact.NONE);
        return fromIncidents.compareTo(fromComponents) >= 0 ? fromIncidents : fromComponents;
    }

    /** Statuspage's sentence for the indicator. */
    public String description() {
        return switch (indicator()) {
            case NONE ->
                components.stream().anyMatch(c -> c.status() == ComponentStatus.UNDER_MAINTENANCE)
                        ? "Service Under Maintenance"
                        : "All Systems Operational";
            case MINOR -> "Minor Service Outage";
            case MAJOR -> "Partial System Outage";
            case CRITICAL -> "Major Service Outage";
        };
    }
}

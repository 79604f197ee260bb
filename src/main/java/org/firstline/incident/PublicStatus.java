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

    /**
     * The reading as it stands at {@code now}: a component that maintenance in progress touches shows as under
     * maintenance, unless an agent set a worse status (an outage during the work says more than the work).
     */
    public PublicStatus at(Instant now) {
        List<PublicMaintenance> ongoing =
                maintenances.stream().filter(m -> m.inProgress(now)).toList();
        if (ongoing.isEmpty()) return this;
        List<PublicComponent> shown = components.stream()
                .map(c -> c.status() == ComponentStatus.OPERATIONAL
                                && ongoing.stream()
                                        .anyMatch(m -> m.componentIds().contains(c.id()))
                        ? new PublicComponent(
                                c.id(),
                                c.name(),
                                c.description(),
                                c.group(),
                                c.position(),
                                ComponentStatus.UNDER_MAINTENANCE,
                                c.updatedAt())
                        : c)
                .toList();
        return new PublicStatus(pageName, readAt, shown, incidents, maintenances);
    }

    /** What changes with the clock alone: the state of each maintenance window. */
    public String windows(Instant now) {
        return maintenances.stream().map(m -> m.status(now)).toList().toString();
    }

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

package org.firstline.statuspage.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.firstline.incident.ComponentStatus;
import org.firstline.incident.PublicComponent;
import org.firstline.incident.PublicIncident;
import org.firstline.incident.PublicMaintenance;
import org.firstline.incident.PublicStatus;
import org.firstline.platform.MarkdownRenderer;
import org.jspecify.annotations.Nullable;

/**
 * What the status page shows, worked out from one reading of the board: Markdown rendered once per reading (the
 * page is asked for far more often than the status changes), times in UTC for a page read around the world.
 */
public record PublicPage(
        String pageName,
        String indicator,
        String description,
        List<Group> groups,
        List<Incident> open,
        List<Incident> history,
        List<Maintenance> maintenances,
        String asOf,
        @Nullable String delayedNote) {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    public record Group(@Nullable String name, List<Component> components) {}

    public record Component(long id, String name, @Nullable String description, String status, String css) {}

    public record Update(String status, String html, String postedAt, String postedAtIso) {}

    public record Incident(
            long id,
            String title,
            String status,
            String impact,
            String declaredAt,
            List<String> components,
            List<Update> updates) {}

    public record Maintenance(
            long id, String title, String html, String status, String from, String until, List<String> components) {}

    /** The parts that do not depend on the moment of the request, rendered once per reading. */
    /**
     * The page of one reading while its maintenance windows stay as they are ({@code windows}); {@code status} is the
     * reading as it stood then, with components under maintenance.
     */
    record Rendered(
            PublicStatus reading,
            String windows,
            PublicStatus status,
            List<Group> groups,
            List<Incident> open,
            List<Incident> history,
            Map<Long, String> maintenanceHtml) {

        static Rendered of(PublicStatus reading, Instant now, MarkdownRenderer markdown) {
            PublicStatus status = reading.at(now);
            Map<Long, String> names = new LinkedHashMap<>();
            Map<String, List<Component>> grouped = new LinkedHashMap<>();
            for (PublicComponent c : status.components()) {
                names.put(c.id(), c.name());
                grouped.computeIfAbsent(c.group() == null ? "" : c.group(), g -> new ArrayList<>())
                        .add(new Component(
                                c.id(), c.name(), c.description(), c.status().label(), css(c.status())));
            }
            List<Group> groups = grouped.entrySet().stream()
                    .map(e -> new Group(e.getKey().isEmpty() ? null : e.getKey(), List.copyOf(e.getValue())))
                    .toList();
            List<Incident> open = new ArrayList<>();
            List<Incident> history = new ArrayList<>();
            for (PublicIncident i : status.incidents()) {
                var incident = new Incident(
                        i.id(),
                        i.title(),
                        i.status().label(),
                        i.impact().apiValue(),
                        WHEN.format(i.declaredAt()),
                        componentNames(i.componentIds(), names),
                        i.updates().stream()
                                .map(u -> new Update(
                                        u.status().label(),
                                        markdown.html(u.body()),
                                        WHEN.format(u.postedAt()),
                                        u.postedAt().toString()))
                                .toList());
                (i.resolved() ? history : open).add(incident);
            }
            Map<Long, String> maintenanceHtml = new LinkedHashMap<>();
            for (PublicMaintenance m : status.maintenances()) maintenanceHtml.put(m.id(), markdown.html(m.body()));
            return new Rendered(
                    reading,
                    reading.windows(now),
                    status,
                    groups,
                    List.copyOf(open),
                    List.copyOf(history),
                    maintenanceHtml);
        }

        PublicPage at(Instant now, Duration staleAfter) {
            Map<Long, String> names = new LinkedHashMap<>();
            status.components().forEach(c -> names.put(c.id(), c.name()));
            List<Maintenance> maintenances = status.maintenances().stream()
                    .filter(m -> !m.status(now).equals("completed"))
                    .map(m -> new Maintenance(
                            m.id(),
                            m.title(),
                            Objects.requireNonNullElse(maintenanceHtml.get(m.id()), ""),
                            m.status(now).equals("in_progress") ? "In progress" : "Scheduled",
                            WHEN.format(m.scheduledFor()),
                            WHEN.format(m.scheduledUntil()),
                            componentNames(m.componentIds(), names)))
                    .toList();
            boolean delayed = Duration.between(status.readAt(), now).compareTo(staleAfter) > 0;
            return new PublicPage(
                    status.pageName(),
                    status.indicator().apiValue(),
                    status.description(),
                    groups,
                    open,
                    history,
                    maintenances,
                    WHEN.format(status.readAt()),
                    delayed
                            ? "Showing the status as of " + TIME.format(status.readAt())
                                    + " UTC; live updates are delayed."
                            : null);
        }
    }

    private static List<String> componentNames(List<Long> ids, Map<Long, String> names) {
        return ids.stream().map(names::get).filter(Objects::nonNull).toList();
    }

    private static String css(ComponentStatus status) {
        return "status-" + status.apiValue().replace('_', '-');
    }
}

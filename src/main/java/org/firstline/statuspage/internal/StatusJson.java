package org.firstline.statuspage.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.firstline.incident.IncidentStatus;
import org.firstline.incident.PublicComponent;
import org.firstline.incident.PublicIncident;
import org.firstline.incident.PublicMaintenance;
import org.firstline.incident.PublicStatus;
import org.firstline.incident.PublicUpdate;
import org.jspecify.annotations.Nullable;

/**
 * The reading in the shape of Statuspage's public API v2 ({@code summary.json}, {@code status.json}), so the tools
 * and widgets that read a Statuspage page read ours. Ids are strings there; groups are components with
 * {@code group: true} and the ids of their members. Markdown bodies go out as written, like Statuspage's.
 */
public final class StatusJson {
    static final String PAGE_ID = "firstline";

    private final String pageUrl;

    public StatusJson(String publicUrl) {
        this.pageUrl = publicUrl.replaceAll("/+$", "") + "/status";
    }

    /** The reading as it stands at {@code now}: maintenance in progress puts its components under maintenance. */
    public Map<String, Object> summary(PublicStatus reading, Instant now) {
        PublicStatus status = reading.at(now);
        var json = new LinkedHashMap<String, Object>();
        json.put("page", page(status));
        json.put("status", indicator(status));
        json.put("components", components(status));
        json.put(
                "incidents",
                status.unresolved().stream().map(i -> incident(i, status)).toList());
        json.put(
                "scheduled_maintenances",
                status.maintenances().stream()
                        .filter(m -> !m.status(now).equals("completed"))
                        .map(m -> maintenance(m, status, now))
                        .toList());
        return json;
    }

    public Map<String, Object> status(PublicStatus reading, Instant now) {
        PublicStatus status = reading.at(now);
        var json = new LinkedHashMap<String, Object>();
        json.put("page", page(status));
        json.put("status", indicator(status));
        return json;
    }

    /** When anything on the page last changed; the reading's time when nothing is there yet. */
    public static Instant updatedAt(PublicStatus status) {
        return Stream.concat(
                        status.components().stream().map(PublicComponent::updatedAt),
                        status.incidents().stream().map(PublicIncident::updatedAt))
                .max(Comparator.naturalOrder())
                .orElse(status.readAt());
    }

    private Map<String, Object> page(PublicStatus status) {
        var page = new LinkedHashMap<String, Object>();
        page.put("id", PAGE_ID);
        page.put("name", status.pageName());
        page.put("url", pageUrl);
        page.put("time_zone", "Etc/UTC");
        page.put("updated_at", updatedAt(status).toString());
        return page;
    }

    private static Map<String, Object> indicator(PublicStatus status) {
        return Map.of("indicator", status.indicator().apiValue(), "description", status.description());
    }

    private static List<Object> components(PublicStatus status) {
        List<Object> components = new ArrayList<>();
        Map<String, List<PublicComponent>> groups = new LinkedHashMap<>();
        for (PublicComponent c : status.components()) {
            if (c.group() != null)
                groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c);
        }
        int position = 0;
        for (var group : groups.entrySet()) {
            var members = group.getValue();
            var json = new LinkedHashMap<String, Object>();
            json.put("id", groupId(members));
            json.put("name", group.getKey());
            json.put(
                    "status",
                    members.stream()
                            .map(PublicComponent::status)
                            .max(Comparator.naturalOrder())
                            .orElseThrow()
                            .apiValue());
            json.put("created_at", null);
            json.put(
                    "updated_at",
                    members.stream()
                            .map(PublicComponent::updatedAt)
                            .max(Comparator.naturalOrder())
                            .orElseThrow()
                            .toString());
            json.put("position", ++position);
            json.put("description", null);
            json.put("showcase", false);
            json.put("group_id", null);
            json.put("page_id", PAGE_ID);
            json.put("group", true);
            json.put("only_show_if_degraded", false);
            json.put(
                    "components",
                    members.stream().map(c -> String.valueOf(c.id())).toList());
            components.add(json);
        }
        for (PublicComponent c : status.components()) {
            components.add(
                    component(c, c.group() == null ? null : groupId(Objects.requireNonNull(groups.get(c.group())))));
        }
        return components;
    }

    private static Map<String, Object> component(PublicComponent c, @Nullable String groupId) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", String.valueOf(c.id()));
        json.put("name", c.name());
        json.put("status", c.status().apiValue());
        json.put("created_at", null);
        json.put("updated_at", c.updatedAt().toString());
        json.put("position", c.position());
        json.put("description", c.description());
        json.put("showcase", true);
        json.put("group_id", groupId);
        json.put("page_id", PAGE_ID);
        json.put("group", false);
        json.put("only_show_if_degraded", false);
        return json;
    }

    private static String groupId(List<PublicComponent> members) {
        return "group-" + members.stream().mapToLong(PublicComponent::id).min().orElseThrow();
    }

    private Map<String, Object> incident(PublicIncident i, PublicStatus status) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", String.valueOf(i.id()));
        json.put("name", i.title());
        json.put("status", i.status().apiValue());
        json.put("impact", i.impact().apiValue());
        json.put("created_at", i.declaredAt().toString());
        json.put("updated_at", i.updatedAt().toString());
        json.put(
                "monitoring_at",
                i.updates().stream()
                        .filter(u -> u.status() == IncidentStatus.MONITORING)
                        .map(PublicUpdate::postedAt)
                        .min(Comparator.naturalOrder())
                        .map(Instant::toString)
                        .orElse(null));
        json.put("resolved_at", i.resolvedAt() == null ? null : i.resolvedAt().toString());
        json.put("shortlink", pageUrl + "#incident-" + i.id());
        json.put("started_at", i.declaredAt().toString());
        json.put("page_id", PAGE_ID);
        json.put(
                "incident_updates",
                i.updates().stream().map(u -> update(u, i.id())).toList());
        json.put("components", componentsOf(i.componentIds(), status));
        return json;
    }

    private static Map<String, Object> update(PublicUpdate u, long incidentId) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", String.valueOf(u.id()));
        json.put("status", u.status().apiValue());
        json.put("body", u.body());
        json.put("incident_id", String.valueOf(incidentId));
        json.put("created_at", u.postedAt().toString());
        json.put("updated_at", u.postedAt().toString());
        json.put("display_at", u.postedAt().toString());
        return json;
    }

    private Map<String, Object> maintenance(PublicMaintenance m, PublicStatus status, Instant now) {
        var json = new LinkedHashMap<String, Object>();
        String state = m.status(now);
        json.put("id", "maintenance-" + m.id());
        json.put("name", m.title());
        json.put("status", state);
        json.put("impact", "maintenance");
        json.put("created_at", m.createdAt().toString());
        json.put("updated_at", m.updatedAt().toString());
        json.put("monitoring_at", null);
        json.put("resolved_at", null);
        json.put("shortlink", pageUrl + "#maintenance-" + m.id());
        json.put("started_at", m.scheduledFor().toString());
        json.put("page_id", PAGE_ID);
        json.put("scheduled_for", m.scheduledFor().toString());
        json.put("scheduled_until", m.scheduledUntil().toString());
        var update = new LinkedHashMap<String, Object>();
        update.put("id", "maintenance-" + m.id() + "-" + state);
        update.put("status", state);
        update.put("body", m.body());
        update.put("incident_id", "maintenance-" + m.id());
        update.put("created_at", m.createdAt().toString());
        update.put("updated_at", m.updatedAt().toString());
        update.put("display_at", m.updatedAt().toString());
        json.put("incident_updates", List.of(update));
        json.put("components", componentsOf(m.componentIds(), status));
        return json;
    }

    private static List<Object> componentsOf(List<Long> ids, PublicStatus status) {
        return status.components().stream()
                .filter(c -> ids.contains(c.id()))
                .map(c -> (Object) component(c, null))
                .toList();
    }
}

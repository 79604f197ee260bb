package org.firstline.oncall.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.firstline.oncall.AlertSeverity;
import org.firstline.oncall.AlertStatus;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.LinkTokens;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Alertmanager's webhook body (version 4) as one {@link Incoming}: the group key is the dedup key, each alert of the
 * group a part by its fingerprint. The severity is the {@code severity} of the common labels, else the worst among
 * the alerts; the summary the common {@code summary} or {@code description} annotation, else the first alert's, else
 * the alert name; the runbook the {@code runbook_url} annotation (http or https only).
 */
public final class AlertmanagerPayload {
    static final int MAX_ALERTS = 1000;
    static final int MAX_SUMMARY = 500;
    static final int MAX_DETAILS = 10000;

    private AlertmanagerPayload() {}

    public static Incoming parse(JsonNode body, Function<@Nullable String, AlertSeverity> severities) {
        if (!body.isObject()) throw new InvalidRequestException("body", "must be a JSON object");
        String version = AlertText.string(body, "version", "version", 20);
        if (version == null) throw new InvalidRequestException("version", "is required (Alertmanager sends \"4\")");
        if (!version.equals("4")) {
            throw new InvalidRequestException("version", "must be \"4\", the webhook version this desk reads");
        }
        String groupKey = AlertText.string(body, "groupKey", "groupKey", 1000);
        if (groupKey == null || groupKey.isBlank()) throw new InvalidRequestException("groupKey", "is required");
        String status = AlertText.string(body, "status", "status", 20);
        if (status != null) status(status, "status");
        JsonNode alerts = body.get("alerts");
        if (alerts == null || !alerts.isArray()) throw new InvalidRequestException("alerts", "must be an array");
        if (alerts.isEmpty()) throw new InvalidRequestException("alerts", "must have at least one alert");
        if (alerts.size() > MAX_ALERTS) {
            throw new InvalidRequestException("alerts", "must have at most " + MAX_ALERTS + " alerts");
        }
        Map<String, String> common = AlertText.strings(body, "commonLabels", "commonLabels", AlertText.MAX_LABEL);
        Map<String, String> commonNotes =
                AlertText.strings(body, "commonAnnotations", "commonAnnotations", AlertText.MAX_ANNOTATION);
        AlertText.strings(body, "groupLabels", "groupLabels", AlertText.MAX_LABEL);
        // the same fingerprint twice in one post: the later one wins, as it would in two posts
        Map<String, Incoming.Part> parts = new LinkedHashMap<>();
        for (int i = 0; i < alerts.size(); i++) {
            Incoming.Part part = part(alerts.get(i), "alerts[" + i + "]");
            parts.remove(part.fingerprint());
            parts.put(part.fingerprint(), part);
        }
        List<Incoming.Part> list = new ArrayList<>(parts.values());
        boolean firing = list.stream().anyMatch(p -> p.status() == AlertStatus.FIRING);
        AlertSeverity severity = common.containsKey("severity")
                ? severities.apply(common.get("severity"))
                : list.stream()
                        .map(p -> severities.apply(p.labels().get("severity")))
                        .reduce(AlertSeverity::worst)
                        .orElse(severities.apply(null));
        Incoming.Part first = list.get(0);
        String summary = firstOf(
                commonNotes.get("summary"),
                commonNotes.get("description"),
                first.annotations().get("summary"),
                first.annotations().get("description"),
                common.get("alertname"),
                first.labels().get("alertname"),
                groupKey);
        String details =
                firstOf(commonNotes.get("description"), first.annotations().get("description"), "");
        String runbook = AlertText.webLink(firstOf(
                commonNotes.get("runbook_url"),
                list.stream()
                        .map(p -> p.annotations().get("runbook_url"))
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null),
                ""));
        String external = AlertText.webLink(AlertText.string(body, "externalURL", "externalURL", AlertText.MAX_URL));
        return new Incoming(
                groupKey,
                firing,
                severity,
                AlertText.cut(summary.strip(), MAX_SUMMARY),
                AlertText.cut(details.strip(), MAX_DETAILS),
                common,
                commonNotes,
                runbook,
                first.generatorUrl(),
                external,
                null,
                list);
    }

    private static Incoming.Part part(JsonNode alert, String field) {
        if (!alert.isObject()) throw new InvalidRequestException(field, "must be an object");
        String status = AlertText.string(alert, "status", field + ".status", 20);
        if (status == null) throw new InvalidRequestException(field + ".status", "is required");
        Map<String, String> labels = AlertText.strings(alert, "labels", field + ".labels", AlertText.MAX_LABEL);
        Map<String, String> notes =
                AlertText.strings(alert, "annotations", field + ".annotations", AlertText.MAX_ANNOTATION);
        String fingerprint = AlertText.string(alert, "fingerprint", field + ".fingerprint", 100);
        if (fingerprint == null || fingerprint.isBlank()) fingerprint = fingerprintOf(labels);
        return new Incoming.Part(
                fingerprint.strip(),
                status(status, field + ".status"),
                labels,
                notes,
                AlertText.time(alert, "startsAt", field + ".startsAt"),
                AlertText.time(alert, "endsAt", field + ".endsAt"),
                AlertText.webLink(AlertText.string(alert, "generatorURL", field + ".generatorURL", 10000)));
    }

    static AlertStatus status(String text, String field) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "firing" -> AlertStatus.FIRING;
            case "resolved" -> AlertStatus.RESOLVED;
            default -> throw new InvalidRequestException(field, "must be \"firing\" or \"resolved\"");
        };
    }

    /** Alertmanager always sends one; a sender that does not gets one from its labels, as Alertmanager makes it. */
    private static String fingerprintOf(Map<String, String> labels) {
        return LinkTokens.hash(new TreeMap<>(labels).toString()).substring(0, 16);
    }

    private static String firstOf(@Nullable String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) return candidate;
        }
        return "";
    }
}

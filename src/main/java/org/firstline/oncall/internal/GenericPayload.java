package org.firstline.oncall.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.firstline.oncall.AlertSeverity;
import org.firstline.oncall.AlertStatus;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The generic alert body: {@code dedupKey} (required), {@code status} firing (default) or resolved, {@code summary}
 * (required when firing), {@code severity} (a label value, through the mapping), {@code details}, {@code runbookUrl}
 * (http or https), {@code serviceId} and {@code labels}.
 */
public final class GenericPayload {
    private GenericPayload() {}

    public static Incoming parse(JsonNode body, Function<@Nullable String, AlertSeverity> severities) {
        if (!body.isObject()) throw new InvalidRequestException("body", "must be a JSON object");
        String key = AlertText.string(body, "dedupKey", "dedupKey", 1000);
        if (key == null || key.isBlank()) throw new InvalidRequestException("dedupKey", "is required");
        String status = AlertText.string(body, "status", "status", 20);
        boolean firing = status == null || AlertmanagerPayload.status(status, "status") == AlertStatus.FIRING;
        String summary = AlertText.string(body, "summary", "summary", AlertmanagerPayload.MAX_SUMMARY);
        if (firing && (summary == null || summary.isBlank())) {
            throw new InvalidRequestException("summary", "is required for a firing alert");
        }
        String severity = AlertText.string(body, "severity", "severity", 100);
        String details = AlertText.string(body, "details", "details", AlertmanagerPayload.MAX_DETAILS);
        String runbook = AlertText.string(body, "runbookUrl", "runbookUrl", AlertText.MAX_URL);
        if (runbook != null && !runbook.isBlank() && AlertText.webLink(runbook) == null) {
            throw new InvalidRequestException("runbookUrl", "must be an http or https address");
        }
        Long serviceId = null;
        JsonNode service = body.get("serviceId");
        if (service != null && !service.isNull()) {
            if (!service.isIntegralNumber() || !service.canConvertToLong() || service.longValue() < 1) {
                throw new InvalidRequestException("serviceId", "must be the id of a service");
            }
            serviceId = service.longValue();
        }
        Map<String, String> labels =
                new LinkedHashMap<>(AlertText.strings(body, "labels", "labels", AlertText.MAX_LABEL));
        if (severity != null && !severity.isBlank()) labels.putIfAbsent("severity", severity);
        return new Incoming(
                key.strip(),
                firing,
                severities.apply(severity),
                summary == null ? "" : summary.strip(),
                details == null ? "" : details.strip(),
                labels,
                Map.of(),
                AlertText.webLink(runbook),
                null,
                null,
                serviceId,
                List.of());
    }
}

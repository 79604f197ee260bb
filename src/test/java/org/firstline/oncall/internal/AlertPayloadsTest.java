package org.firstline.oncall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.firstline.oncall.AlertSeverity;
import org.firstline.oncall.AlertStatus;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AlertPayloadsTest {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Map<String, AlertSeverity> DEFAULTS = Map.of(
            "critical", AlertSeverity.CRITICAL,
            "page", AlertSeverity.HIGH,
            "warning", AlertSeverity.LOW,
            "info", AlertSeverity.INFO,
            "*", AlertSeverity.HIGH);
    private static final Function<@Nullable String, AlertSeverity> MAPPING = label -> label == null
            ? DEFAULTS.get("*")
            : DEFAULTS.getOrDefault(label.strip().toLowerCase(), DEFAULTS.get("*"));

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = AlertPayloadsTest.class.getResourceAsStream("/alertmanager/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void readsTheDocumentedFiringGroup() throws IOException {
        Incoming in = AlertmanagerPayload.parse(fixture("firing.json"), MAPPING);
        assertThat(in.dedupKey()).isEqualTo("{}/{severity=\"critical\"}:{alertname=\"ProbeFailure\"}");
        assertThat(in.firing()).isTrue();
        assertThat(in.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(in.summary()).isEqualTo("BlackBox Probe Failure: https://server.example.org");
        assertThat(in.runbookUrl()).isEqualTo("https://runbooks.example.org/probe-failure");
        assertThat(in.externalUrl()).isEqualTo("http://prometheus.example.org:9093");
        assertThat(in.parts())
                .extracting(Incoming.Part::fingerprint)
                .containsExactly("1a30ba71cca2921f", "2b41cb82ddb3a32e");
        Incoming.Part first = in.parts().get(0);
        assertThat(first.startsAt()).isEqualTo(Instant.parse("2023-02-06T13:08:45.828Z"));
        assertThat(first.endsAt()).as("Go's zero time is no end").isNull();
        assertThat(first.labels()).containsEntry("instance", "https://server.example.org");
    }

    @Test
    void aGroupFiresWhileAnyOfItsAlertsDoes() throws IOException {
        assertThat(AlertmanagerPayload.parse(fixture("partly-resolved.json"), MAPPING)
                        .firing())
                .isTrue();
        Incoming resolved = AlertmanagerPayload.parse(fixture("resolved.json"), MAPPING);
        assertThat(resolved.firing()).isFalse();
        assertThat(resolved.parts()).allMatch(p -> p.status() == AlertStatus.RESOLVED);
        assertThat(resolved.parts().get(0).endsAt()).isEqualTo(Instant.parse("2023-02-06T13:21:45.828Z"));
    }

    @Test
    void severityComesFromTheCommonLabelElseTheWorstAlert() throws IOException {
        ObjectNode body = (ObjectNode) fixture("firing.json");
        ((ObjectNode) body.get("commonLabels")).remove("severity");
        ((ObjectNode) body.get("alerts").get(0).get("labels")).put("severity", "warning");
        ((ObjectNode) body.get("alerts").get(1).get("labels")).put("severity", "page");
        assertThat(AlertmanagerPayload.parse(body, MAPPING).severity()).isEqualTo(AlertSeverity.HIGH);

        ((ObjectNode) body.get("alerts").get(1).get("labels")).put("severity", "info");
        assertThat(AlertmanagerPayload.parse(body, MAPPING).severity()).isEqualTo(AlertSeverity.LOW);

        ((ObjectNode) body.get("commonLabels")).put("severity", "INFO ");
        assertThat(AlertmanagerPayload.parse(body, MAPPING).severity())
                .as("the common label wins, in any case")
                .isEqualTo(AlertSeverity.INFO);

        ((ObjectNode) body.get("commonLabels")).put("severity", "disaster");
        assertThat(AlertmanagerPayload.parse(body, MAPPING).severity())
                .as("an unknown value takes the * fallback")
                .isEqualTo(AlertSeverity.HIGH);
    }

    @Test
    void worstIsTheMoreSevere() {
        assertThat(AlertSeverity.LOW.worst(AlertSeverity.CRITICAL)).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(AlertSeverity.HIGH.worst(AlertSeverity.INFO)).isEqualTo(AlertSeverity.HIGH);
        assertThat(AlertSeverity.HIGH.pagesOutOfHours()).isTrue();
        assertThat(AlertSeverity.LOW.pagesOutOfHours()).isFalse();
    }

    @Test
    void aRunbookThatIsNotAWebAddressIsDropped() throws IOException {
        ObjectNode body = (ObjectNode) fixture("firing.json");
        ((ObjectNode) body.get("commonAnnotations")).put("runbook_url", "javascript:alert(1)");
        for (JsonNode alert : body.get("alerts")) ((ObjectNode) alert.get("annotations")).remove("runbook_url");
        assertThat(AlertmanagerPayload.parse(body, MAPPING).runbookUrl()).isNull();
        assertThat(AlertText.webLink("HTTPS://kb.example.org/x")).isEqualTo("HTTPS://kb.example.org/x");
        assertThat(AlertText.webLink("data:text/html,hi")).isNull();
        assertThat(AlertText.webLink("//evil.example")).isNull();
    }

    @Test
    void refusalsNameTheField() throws IOException {
        assertRefused(without("groupKey"), "groupKey");
        assertRefused(without("version"), "version");
        assertRefused(with("version", "3"), "version");
        assertRefused(with("alerts", "[]"), "alerts");
        assertRefused(with("alerts", "{}"), "alerts");
        assertRefused(with("status", "\"burning\""), "status");
        ObjectNode body = (ObjectNode) fixture("firing.json");
        ((ObjectNode) body.get("alerts").get(1).get("labels")).put("instance", 42);
        assertRefused(body, "alerts[1].labels.instance");
        body = (ObjectNode) fixture("firing.json");
        ((ObjectNode) body.get("alerts").get(0).get("labels")).put("huge", "x".repeat(AlertText.MAX_LABEL + 1));
        assertRefused(body, "alerts[0].labels.huge");
        body = (ObjectNode) fixture("firing.json");
        ((ObjectNode) body.get("alerts").get(0)).put("startsAt", "yesterday");
        assertRefused(body, "alerts[0].startsAt");
        body = (ObjectNode) fixture("firing.json");
        ((ObjectNode) body.get("alerts").get(0)).put("startsAt", "+999999-01-01T00:00:00Z");
        assertRefused(body, "alerts[0].startsAt");
    }

    @Test
    void textIsCleanedOfWhatTheDatabaseRefuses() {
        assertThat(AlertText.clean("a\u0000b\u0007c\nd\uD800e")).isEqualTo("abc\nde");
        assertThat(AlertText.clean("emoji \uD83D\uDE00 stays")).isEqualTo("emoji \uD83D\uDE00 stays");
    }

    @Test
    void theGenericShapeResolvesByKey() throws IOException {
        Incoming firing = GenericPayload.parse(JSON.readTree("""
                        {"dedupKey": "disk-full-web1", "summary": "Disk 95% full", "severity": "warning",
                         "details": "/var is at 95%", "runbookUrl": "https://kb.example.org/disk", "serviceId": 7}"""), MAPPING);
        assertThat(firing.firing()).isTrue();
        assertThat(firing.severity()).isEqualTo(AlertSeverity.LOW);
        assertThat(firing.serviceId()).isEqualTo(7L);
        assertThat(firing.labels()).containsEntry("severity", "warning");
        Incoming resolved = GenericPayload.parse(
                JSON.readTree("{\"dedupKey\": \"disk-full-web1\", \"status\": \"resolved\"}"), MAPPING);
        assertThat(resolved.firing()).isFalse();
        assertThatThrownBy(() -> GenericPayload.parse(JSON.readTree("{\"summary\": \"x\"}"), MAPPING))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("dedupKey"));
        assertThatThrownBy(() -> GenericPayload.parse(
                        JSON.readTree("{\"dedupKey\": \"k\", \"summary\": \"x\", \"runbookUrl\": \"javascript:x\"}"),
                        MAPPING))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("runbookUrl"));
    }

    private static ObjectNode without(String field) throws IOException {
        ObjectNode body = (ObjectNode) fixture("firing.json");
        body.remove(field);
        return body;
    }

    private static ObjectNode with(String field, String jsonValue) throws IOException {
        ObjectNode body = (ObjectNode) fixture("firing.json");
        body.set(field, JSON.readTree(jsonValue));
        return body;
    }

    private static void assertRefused(JsonNode body, String field) {
        assertThatThrownBy(() -> AlertmanagerPayload.parse(body, MAPPING))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo(field));
    }
}

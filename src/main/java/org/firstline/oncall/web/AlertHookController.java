package org.firstline.oncall.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.firstline.oncall.AlertSourceKind;
import org.firstline.oncall.internal.AlertIntake;
import org.firstline.oncall.internal.AlertSourceTokens;
import org.firstline.oncall.internal.AlertWriter;
import org.firstline.oncall.internal.HeartbeatMonitor;
import org.firstline.oncall.internal.SourceRef;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Where monitoring systems post alerts. Open to the internet, so nothing is read before the source's token checks
 * out: {@code Authorization: Bearer <token>}, or the token as the password of HTTP Basic (any user name).
 */
@RestController
class AlertHookController {
    private final AlertSourceTokens tokens;
    private final AlertIntake intake;
    private final HeartbeatMonitor heartbeats;
    private final ObjectMapper json;

    AlertHookController(AlertSourceTokens tokens, AlertIntake intake, HeartbeatMonitor heartbeats, ObjectMapper json) {
        this.tokens = tokens;
        this.intake = intake;
        this.heartbeats = heartbeats;
        this.json = json;
    }

    @PostMapping("/api/v1/hooks/alertmanager")
    ResponseEntity<?> alertmanager(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestBody(required = false) byte @Nullable [] body) {
        Optional<SourceRef> source = source(authorization);
        if (source.isEmpty()) return unauthorized();
        if (source.get().kind() != AlertSourceKind.ALERTMANAGER) return wrongKind(source.get(), "alertmanager");
        return ResponseEntity.ok(outcome(intake.alertmanager(source.get(), read(body))));
    }

    @PostMapping("/api/v1/hooks/alerts")
    ResponseEntity<?> generic(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestBody(required = false) byte @Nullable [] body) {
        Optional<SourceRef> source = source(authorization);
        if (source.isEmpty()) return unauthorized();
        if (source.get().kind() != AlertSourceKind.GENERIC) return wrongKind(source.get(), "alerts");
        return ResponseEntity.ok(outcome(intake.generic(source.get(), read(body))));
    }

    @PostMapping("/api/v1/hooks/heartbeat/{sourceId}")
    ResponseEntity<?> heartbeat(
            @PathVariable String sourceId,
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
        Optional<SourceRef> source = source(authorization);
        // another source's token is as good as none here
        if (source.isEmpty() || !String.valueOf(source.get().id()).equals(sourceId)) return unauthorized();
        if (!heartbeats.ping(source.get())) return wrongKind(source.get(), "heartbeat/" + sourceId);
        return ResponseEntity.ok(Map.of("sourceId", source.get().id(), "received", true));
    }

    private Optional<SourceRef> source(@Nullable String authorization) {
        if (authorization == null) return Optional.empty();
        String header = authorization.strip();
        if (header.regionMatches(true, 0, "Bearer ", 0, 7))
            return tokens.resolve(header.substring(7).strip());
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(
                        Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? Optional.empty() : tokens.resolve(pair.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private JsonNode read(byte @Nullable [] body) {
        if (body == null || body.length == 0) throw new InvalidRequestException("body", "is required");
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequestException("body", "is not well-formed JSON");
        }
    }

    private static Map<String, Object> outcome(AlertWriter.Outcome outcome) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alertId", outcome.alertId());
        out.put("opened", outcome.opened());
        out.put("resolved", outcome.resolved());
        return out;
    }

    private static ResponseEntity<ProblemDetail> unauthorized() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Bearer")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.UNAUTHORIZED, "The alert source token is missing, unknown or has been replaced."));
    }

    private static ResponseEntity<ProblemDetail> wrongKind(SourceRef source, String hook) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.FORBIDDEN,
                        "This token is for a source of kind " + source.kind()
                                + ", which does not post to /api/v1/hooks/" + hook + "."));
    }
}

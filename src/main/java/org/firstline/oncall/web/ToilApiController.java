package org.firstline.oncall.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firstline.oncall.TimeOffInLieu;
import org.firstline.oncall.ToilClaimForm;
import org.firstline.oncall.ToilClaimView;
import org.firstline.oncall.ToilEpisode;
import org.firstline.oncall.ToilExports;
import org.firstline.oncall.WokenHelp;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AgentRole;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Time off in lieu: episodes, claims, the lead's decision, the CSV and the HR webhook. */
@RestController
@RequestMapping("/api/v1/toil")
class ToilApiController {
    static final Duration LONGEST_PERIOD = Duration.ofDays(400);

    private final TimeOffInLieu toil;
    private final ToilExports exports;
    private final WokenHelp woken;
    private final java.time.Clock clock;

    ToilApiController(TimeOffInLieu toil, ToilExports exports, WokenHelp woken, java.time.Clock clock) {
        this.toil = toil;
        this.exports = exports;
        this.woken = woken;
        this.clock = clock;
    }

    record Period(Instant from, Instant to) {}

    @GetMapping("/episodes")
    Map<String, List<ToilEpisode>> episodes(
            @RequestParam(required = false) @Nullable Long agentId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @AuthenticationPrincipal AgentPrincipal agent) {
        var period = period(from, to);
        return Map.of("items", toil.episodes(agentId == null ? agent.id() : agentId, period.from(), period.to()));
    }

    record ClaimRequest(
            @Nullable Long agentId,
            @Nullable String episodeStart,
            @Nullable Boolean woke,
            @Nullable Integer minutesWorked) {}

    @PostMapping("/claims")
    @ResponseStatus(HttpStatus.CREATED)
    ToilClaimView confirm(@RequestBody ClaimRequest request, @AuthenticationPrincipal AgentPrincipal agent) {
        return toil.confirm(
                request.agentId() == null ? agent.id() : request.agentId(),
                new ToilClaimForm(request.episodeStart(), request.woke(), request.minutesWorked()),
                agent);
    }

    @GetMapping("/claims")
    Map<String, List<ToilClaimView>> claims(
            @RequestParam(required = false) @Nullable Long agentId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String status) {
        var period = period(from, to);
        return Map.of("items", toil.claims(Optional.ofNullable(agentId), period.from(), period.to(), status(status)));
    }

    @GetMapping("/claims/export")
    ResponseEntity<String> export(
            @RequestParam(required = false) @Nullable Long agentId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String status) {
        var period = period(from, to);
        String csv =
                ToilExports.csv(toil.claims(Optional.ofNullable(agentId), period.from(), period.to(), status(status)));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"time-off-in-lieu.csv\"")
                .body(csv);
    }

    @PostMapping("/claims/{id}/approve")
    ToilClaimView approve(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return toil.decide(id, true, agent);
    }

    @PostMapping("/claims/{id}/reject")
    ToilClaimView reject(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return toil.decide(id, false, agent);
    }

    @PostMapping("/claims/{id}/tell-lead")
    Map<String, List<String>> tellLead(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return Map.of("told", woken.tellLead(id, agent));
    }

    @PostMapping("/claims/{id}/ask-cover")
    Map<String, List<String>> askCover(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return Map.of("told", woken.askCover(id, agent));
    }

    @GetMapping("/settings")
    Map<String, Boolean> settings() {
        return Map.of("hrWebhookSet", exports.hrWebhookSet());
    }

    record Settings(@Nullable String hrWebhookUrl) {}

    @PutMapping("/settings")
    Map<String, Boolean> setSettings(@RequestBody Settings settings, @AuthenticationPrincipal AgentPrincipal agent) {
        if (agent.role() != AgentRole.ADMIN) throw new AccessDeniedException("Only admins set where claims are sent.");
        exports.setHrWebhook(settings.hrWebhookUrl());
        return settings();
    }

    private static Optional<String> status(@Nullable String status) {
        if (status == null || status.isBlank()) return Optional.empty();
        String s = status.strip().toUpperCase(java.util.Locale.ROOT);
        if (!List.of("CONFIRMED", "APPROVED", "REJECTED").contains(s)) {
            throw new InvalidRequestException("status", "must be CONFIRMED, APPROVED or REJECTED");
        }
        return Optional.of(s);
    }

    /** A period as dates (UTC days, "to" included) or instants; the last 31 days when not given. */
    private Period period(@Nullable String from, @Nullable String to) {
        Instant end = to == null || to.isBlank() ? clock.instant().plus(Duration.ofDays(1)) : bound("to", to, true);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofDays(32)) : bound("from", from, false);
        if (!start.isBefore(end)) throw new InvalidRequestException("to", "must be after from");
        if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            throw new InvalidRequestException("to", "a period is at most 400 days");
        }
        return new Period(start, end);
    }

    private static Instant bound(String field, String text, boolean end) {
        String t = text.strip();
        try {
            if (t.length() == 10) {
                var day = LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
                return end ? day.plus(Duration.ofDays(1)) : day;
            }
            return Instant.parse(t);
        } catch (java.time.DateTimeException e) {
            throw new InvalidRequestException(
                    field, "must be a date like 2026-12-01 or a date-time like 2026-12-01T00:00:00Z");
        }
    }
}

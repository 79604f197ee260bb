package org.firstline.oncall.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.firstline.directory.TeamService;
import org.firstline.oncall.AlertSeverities;
import org.firstline.oncall.AlertSeverity;
import org.firstline.oncall.AlertSourceForm;
import org.firstline.oncall.AlertSourceKind;
import org.firstline.oncall.AlertSources;
import org.firstline.oncall.EscalationPolicies;
import org.firstline.oncall.MaintenanceWindows;
import org.firstline.platform.FormNumbers;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins set up alert sources (the token shown once), the severity mapping and maintenance windows. */
@Controller
class AlertAdminPagesController {
    private final AlertSources sources;
    private final AlertSeverities severities;
    private final MaintenanceWindows maintenance;
    private final TeamService teams;
    private final EscalationPolicies policies;

    AlertAdminPagesController(
            AlertSources sources,
            AlertSeverities severities,
            MaintenanceWindows maintenance,
            TeamService teams,
            EscalationPolicies policies) {
        this.sources = sources;
        this.severities = severities;
        this.maintenance = maintenance;
        this.teams = teams;
        this.policies = policies;
    }

    @GetMapping("/admin/alerts")
    String admin(Model model) {
        model.addAttribute("section", "admin");
        model.addAttribute("tab", "alerts");
        var all = sources.list();
        model.addAttribute("sources", all);
        model.addAttribute("teams", teams.list());
        model.addAttribute("kinds", AlertSourceKind.values());
        model.addAttribute("severities", AlertSeverity.values());
        model.addAttribute("mapping", severities.mapping());
        model.addAttribute("mappingText", mappingText(severities.mapping()));
        model.addAttribute("windows", maintenance.current());
        model.addAttribute("policies", policies.list());
        model.addAttribute(
                "sourceNames",
                all.stream().collect(java.util.stream.Collectors.toMap(s -> s.id(), s -> s.name(), (a, b) -> a)));
        return "oncall/admin";
    }

    @PostMapping("/admin/alerts/sources")
    String create(
            @RequestParam String name,
            @RequestParam AlertSourceKind kind,
            @RequestParam long teamId,
            @RequestParam(required = false) @Nullable String escalationPolicyId,
            @RequestParam(required = false) @Nullable String heartbeatIntervalSeconds,
            RedirectAttributes flash) {
        var created = sources.create(new AlertSourceForm(
                name,
                kind,
                teamId,
                null,
                null,
                null,
                FormNumbers.optional("escalationPolicyId", escalationPolicyId, 1, Long.MAX_VALUE),
                kind == AlertSourceKind.HEARTBEAT
                        ? FormNumbers.optionalInt("heartbeatIntervalSeconds", heartbeatIntervalSeconds)
                        : null));
        flash.addFlashAttribute("token", created.token());
        flash.addFlashAttribute("notice", "Alert source " + created.source().name() + " made. Copy its token now.");
        return "redirect:/admin/alerts";
    }

    @PostMapping("/admin/alerts/sources/{id}/policy")
    String policy(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String escalationPolicyId,
            RedirectAttributes flash) {
        var s = sources.get(id);
        sources.update(
                id,
                new AlertSourceForm(
                        s.name(),
                        s.kind(),
                        s.teamId(),
                        s.serviceId(),
                        s.organizationId(),
                        s.calendarId(),
                        FormNumbers.optional("escalationPolicyId", escalationPolicyId, 1, Long.MAX_VALUE),
                        s.heartbeatIntervalSeconds()));
        flash.addFlashAttribute(
                "notice",
                escalationPolicyId == null || escalationPolicyId.isBlank()
                        ? s.name() + " pages nobody now: its alerts wait in the inbox."
                        : s.name() + " pages through its new policy.");
        return "redirect:/admin/alerts";
    }

    @PostMapping("/admin/alerts/sources/{id}/token")
    String rotate(@PathVariable long id, RedirectAttributes flash) {
        var rotated = sources.rotate(id);
        flash.addFlashAttribute("token", rotated.token());
        flash.addFlashAttribute(
                "notice", "New token for " + rotated.source().name() + "; the old one no longer works.");
        return "redirect:/admin/alerts";
    }

    @PostMapping("/admin/alerts/sources/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes flash) {
        sources.delete(id);
        flash.addFlashAttribute("notice", "Alert source deleted; its alerts stay.");
        return "redirect:/admin/alerts";
    }

    @PostMapping("/admin/alerts/severities")
    String severities(@RequestParam String mapping, RedirectAttributes flash) {
        Map<String, AlertSeverity> parsed = new LinkedHashMap<>();
        for (String line : mapping.split("\\R")) {
            if (line.isBlank()) continue;
            int eq = line.indexOf('=');
            if (eq < 0) throw new InvalidRequestException("mapping", "write one label=SEVERITY per line");
            try {
                parsed.put(
                        line.substring(0, eq).strip(),
                        AlertSeverity.valueOf(line.substring(eq + 1).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("mapping", "severities are CRITICAL, HIGH, LOW or INFO");
            }
        }
        severities.replace(parsed);
        flash.addFlashAttribute("notice", "Severity mapping saved.");
        return "redirect:/admin/alerts";
    }

    @PostMapping("/admin/alerts/maintenance")
    String maintenance(
            @RequestParam long sourceId,
            @RequestParam String minutes,
            @RequestParam(required = false) @Nullable String startsAt,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes flash) {
        // empty is no length: refused by the window's own rule
        long length =
                java.util.Objects.requireNonNullElse(FormNumbers.optional("minutes", minutes, 1, 60 * 24 * 14), 0L);
        boolean now = startsAt == null || startsAt.isBlank();
        maintenance.plan(sourceId, startsAt == null || now ? null : utc(startsAt), (int) length, reason);
        flash.addFlashAttribute("notice", now ? "Maintenance window started." : "Maintenance window planned.");
        return "redirect:/admin/alerts";
    }

    @PostMapping("/admin/alerts/maintenance/{id}/delete")
    String endMaintenance(@PathVariable long id, RedirectAttributes flash) {
        maintenance.delete(id);
        flash.addFlashAttribute("notice", "Maintenance window removed.");
        return "redirect:/admin/alerts";
    }

    private static java.time.Instant utc(String value) {
        try {
            return java.time.LocalDateTime.parse(value.strip()).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException("startsAt", "is not a date and time like 2026-12-24T22:00");
        }
    }

    private static String mappingText(Map<String, AlertSeverity> mapping) {
        StringBuilder text = new StringBuilder();
        mapping.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e ->
                        text.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
        return text.toString();
    }
}

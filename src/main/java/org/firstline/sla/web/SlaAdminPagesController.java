package org.firstline.sla.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.firstline.directory.OrganizationService;
import org.firstline.platform.InvalidRequestException;
import org.firstline.sla.CalendarForm;
import org.firstline.sla.CalendarService;
import org.firstline.sla.Holiday;
import org.firstline.sla.Interval;
import org.firstline.sla.PolicyForm;
import org.firstline.sla.PolicyTarget;
import org.firstline.sla.SlaPolicies;
import org.firstline.sla.SlaTarget;
import org.firstline.sla.TargetUnit;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.Priority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Service levels: calendars (hours, holidays, a preview to check them) and policies per plan. */
@Controller
class SlaAdminPagesController {
    private final CalendarService calendars;
    private final SlaPolicies policies;
    private final OrganizationService organizations;

    SlaAdminPagesController(CalendarService calendars, SlaPolicies policies, OrganizationService organizations) {
        this.calendars = calendars;
        this.policies = policies;
        this.organizations = organizations;
    }

    @GetMapping("/admin/sla")
    String overview(Model page) {
        admin(page);
        page.addAttribute("calendars", calendars.list());
        page.addAttribute("policies", policies.list());
        var plans = organizations.plans();
        page.addAttribute("plans", plans);
        var names = new java.util.HashMap<Long, String>();
        plans.forEach(p -> names.put(p.id(), p.name()));
        page.addAttribute("planNames", names);
        return "sla/admin";
    }

    @PostMapping("/admin/sla/calendars")
    String createCalendar(@RequestParam String name, @RequestParam String timeZone, @RequestParam(defaultValue = "false") boolean aroundTheClock,
            @RequestParam(defaultValue = "") String hours, RedirectAttributes flash) {
        var created = calendars.create(new CalendarForm(name, timeZone, aroundTheClock, HoursText.parse(hours)));
        flash.addFlashAttribute("notice", "Calendar " + created.name() + " created.");
        return "redirect:/admin/sla/calendars/" + created.id();
    }

    /** The calendar with its preview: start (local to the calendar), amount, unit, one optional pause, optional end. */
    @GetMapping("/admin/sla/calendars/{id}")
    String calendar(@PathVariable long id, @RequestParam(required = false) String start, @RequestParam(defaultValue = "60") long amount,
            @RequestParam(defaultValue = "MINUTES") TargetUnit unit, @RequestParam(required = false) String pauseFrom,
            @RequestParam(required = false) String pauseTo, @RequestParam(required = false) String end, Model page) {
        admin(page);
        var calendar = calendars.get(id);
        ZoneId zone = ZoneId.of(calendar.timeZone());
        page.addAttribute("calendar", calendar);
        page.addAttribute("hoursText", HoursText.format(calendar.hours()));
        page.addAttribute("start", start);
        page.addAttribute("amount", amount);
        page.addAttribute("unit", unit);
        page.addAttribute("pauseFrom", pauseFrom);
        page.addAttribute("pauseTo", pauseTo);
        page.addAttribute("end", end);
        if (start != null && !start.isBlank()) {
            try {
                var pauses = new ArrayList<Interval>();
                if (pauseFrom != null && !pauseFrom.isBlank() && pauseTo != null && !pauseTo.isBlank()) {
                    var from = local(pauseFrom, zone);
                    var to = local(pauseTo, zone);
                    if (to.isBefore(from)) throw new InvalidRequestException("pause", "must not end before it starts");
                    pauses.add(new Interval(from, to));
                }
                var preview = calendars.preview(id, local(start, zone), amount, unit, pauses, end == null || end.isBlank() ? null : local(end, zone));
                page.addAttribute("preview", preview);
                page.addAttribute("dueLocal", preview.due().atZone(zone).toLocalDateTime().toString().replace('T', ' ') + " "
                        + zone.getRules().getOffset(preview.due()));
            } catch (InvalidRequestException e) {
                page.addAttribute("previewError", e.getMessage());
            }
        }
        return "sla/calendar";
    }

    @PostMapping("/admin/sla/calendars/{id}")
    String updateCalendar(@PathVariable long id, @RequestParam String name, @RequestParam String timeZone,
            @RequestParam(defaultValue = "false") boolean aroundTheClock, @RequestParam(defaultValue = "") String hours, RedirectAttributes flash) {
        calendars.update(id, new CalendarForm(name, timeZone, aroundTheClock, HoursText.parse(hours)));
        flash.addFlashAttribute("notice", "Calendar saved; open tickets' due times are being worked out again.");
        return "redirect:/admin/sla/calendars/" + id;
    }

    @PostMapping("/admin/sla/calendars/{id}/delete")
    String deleteCalendar(@PathVariable long id, RedirectAttributes flash) {
        calendars.delete(id);
        flash.addFlashAttribute("notice", "Calendar deleted.");
        return "redirect:/admin/sla";
    }

    @PostMapping("/admin/sla/calendars/{id}/holidays")
    String addHoliday(@PathVariable long id, @RequestParam String day, @RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
        calendars.addHoliday(id, new Holiday(date(day), name));
        flash.addFlashAttribute("notice", "Holiday added.");
        return "redirect:/admin/sla/calendars/" + id;
    }

    @PostMapping("/admin/sla/calendars/{id}/holidays/{day}/delete")
    String removeHoliday(@PathVariable long id, @PathVariable String day, RedirectAttributes flash) {
        calendars.removeHoliday(id, date(day));
        flash.addFlashAttribute("notice", "Holiday removed.");
        return "redirect:/admin/sla/calendars/" + id;
    }

    @PostMapping("/admin/sla/calendars/{id}/holidays/import")
    String importHolidays(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
        if (file.isEmpty()) throw new InvalidRequestException("file", "is required: choose an .ics file");
        if (file.getSize() > 1_000_000) throw new InvalidRequestException("file", "must be at most 1 MB");
        int days = calendars.importHolidays(id, new String(file.getBytes(), StandardCharsets.UTF_8));
        flash.addFlashAttribute("notice", days + " holiday days imported.");
        return "redirect:/admin/sla/calendars/" + id;
    }

    @PostMapping("/admin/sla/policies")
    String createPolicy(@RequestParam String name, @RequestParam(required = false) Long planId, @RequestParam long calendarId,
            RedirectAttributes flash) {
        var created = policies.create(new PolicyForm(name, planId, calendarId, null, 80, List.of()));
        flash.addFlashAttribute("notice", "Policy created: now set its targets.");
        return "redirect:/admin/sla/policies/" + created.id();
    }

    @GetMapping("/admin/sla/policies/{id}")
    String policy(@PathVariable long id, Model page) {
        admin(page);
        page.addAttribute("policy", policies.get(id));
        page.addAttribute("plans", organizations.plans());
        page.addAttribute("calendars", calendars.list());
        page.addAttribute("priorities", List.of(Priority.CRITICAL, Priority.HIGH, Priority.NORMAL, Priority.LOW));
        page.addAttribute("targets", SlaTarget.values());
        page.addAttribute("reasons", PendingReason.values());
        return "sla/policy";
    }

    /** Targets arrive as {@code amount.HIGH.FIRST_RESPONSE}, {@code unit.…}, {@code calendar.…}; an empty amount means no target. */
    @PostMapping("/admin/sla/policies/{id}")
    String updatePolicy(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) Long planId,
            @RequestParam long calendarId, @RequestParam(required = false) List<PendingReason> pauseReasons,
            @RequestParam(defaultValue = "80") int atRiskPercent, @RequestParam MultiValueMap<String, String> fields, RedirectAttributes flash) {
        var targets = new ArrayList<PolicyTarget>();
        for (Priority priority : Priority.values()) {
            for (SlaTarget target : SlaTarget.values()) {
                String key = priority + "." + target;
                String amount = fields.getFirst("amount." + key);
                if (amount == null || amount.isBlank()) continue;
                int value;
                try {
                    value = Integer.parseInt(amount.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidRequestException("targets", target.label() + " for " + priority + " must be a whole number");
                }
                if (value < 1) throw new InvalidRequestException("targets", target.label() + " for " + priority + " must be at least 1");
                String calendar = fields.getFirst("calendar." + key);
                targets.add(new PolicyTarget(priority, target, value, TargetUnit.valueOf(fields.getFirst("unit." + key)),
                        calendar == null || calendar.isBlank() ? null : Long.valueOf(calendar)));
            }
        }
        if (atRiskPercent < 1 || atRiskPercent > 99) throw new InvalidRequestException("atRiskPercent", "must be 1 to 99");
        policies.update(id, new PolicyForm(name, planId, calendarId, pauseReasons == null ? List.of() : pauseReasons, atRiskPercent, targets));
        flash.addFlashAttribute("notice", "Policy saved; open tickets' due times are being worked out again.");
        return "redirect:/admin/sla/policies/" + id;
    }

    @PostMapping("/admin/sla/policies/{id}/delete")
    String deletePolicy(@PathVariable long id, RedirectAttributes flash) {
        policies.delete(id);
        flash.addFlashAttribute("notice", "Policy deleted.");
        return "redirect:/admin/sla";
    }

    private static void admin(Model page) {
        page.addAttribute("section", "admin");
        page.addAttribute("tab", "sla");
    }

    private static java.time.Instant local(String text, ZoneId zone) {
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("time", "\"" + text + "\" is not a date and time like 2026-11-27T16:00");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("day", "must be a date like 2026-12-25");
        }
    }
}

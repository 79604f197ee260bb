package org.firstline.sla.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import org.firstline.directory.OrganizationService;
import org.firstline.platform.InvalidRequestException;
import org.firstline.sla.CalendarForm;
import org.firstline.sla.CalendarService;
import org.firstline.sla.Holiday;
import org.firstline.sla.Interval;
import org.firstline.sla.SlaPolicies;
import org.firstline.sla.TargetUnit;
import org.firstline.sla.UndeliveredAlerts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Service levels: the overview, and calendars (hours, holidays, a preview to check them). */
@Controller
class SlaAdminPagesController {
    private final CalendarService calendars;
    private final SlaPolicies policies;
    private final OrganizationService organizations;
    private final UndeliveredAlerts undelivered;

    SlaAdminPagesController(
            CalendarService calendars,
            SlaPolicies policies,
            OrganizationService organizations,
            UndeliveredAlerts undelivered) {
        this.calendars = calendars;
        this.policies = policies;
        this.organizations = organizations;
        this.undelivered = undelivered;
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
        page.addAttribute("undelivered", undelivered.list(100));
        return "sla/admin";
    }

    @PostMapping("/admin/sla/undelivered/{eventId}/retry")
    String retryUndelivered(@PathVariable long eventId, RedirectAttributes flash) {
        flash.addFlashAttribute(
                "notice",
                undelivered.retry(eventId)
                        ? "The alert is queued again; it goes out with the next sweep."
                        : "That alert is no longer set aside.");
        return "redirect:/admin/sla";
    }

    @PostMapping("/admin/sla/calendars")
    String createCalendar(
            @RequestParam String name,
            @RequestParam String timeZone,
            @RequestParam(defaultValue = "false") boolean aroundTheClock,
            @RequestParam(defaultValue = "") String hours,
            RedirectAttributes flash) {
        var created = calendars.create(new CalendarForm(name, timeZone, aroundTheClock, HoursText.parse(hours)));
        flash.addFlashAttribute("notice", "Calendar " + created.name() + " created.");
        return "redirect:/admin/sla/calendars/" + created.id();
    }

    /** The calendar with its preview: start (local to the calendar), amount, unit, one optional pause, optional end. */
    @GetMapping("/admin/sla/calendars/{id}")
    String calendar(
            @PathVariable long id,
            @RequestParam(required = false) String start,
            @RequestParam(defaultValue = "60") long amount,
            @RequestParam(defaultValue = "MINUTES") TargetUnit unit,
            @RequestParam(required = false) String pauseFrom,
            @RequestParam(required = false) String pauseTo,
            @RequestParam(required = false) String end,
            Model page) {
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
                var preview = calendars.preview(
                        id,
                        local(start, zone),
                        amount,
                        unit,
                        pauses,
                        end == null || end.isBlank() ? null : local(end, zone));
                page.addAttribute("preview", preview);
                page.addAttribute(
                        "dueLocal",
                        preview.due().atZone(zone).toLocalDateTime().toString().replace('T', ' ') + " "
                                + zone.getRules().getOffset(preview.due()));
            } catch (InvalidRequestException e) {
                page.addAttribute("previewError", e.getMessage());
            }
        }
        return "sla/calendar";
    }

    @PostMapping("/admin/sla/calendars/{id}")
    String updateCalendar(
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam String timeZone,
            @RequestParam(defaultValue = "false") boolean aroundTheClock,
            @RequestParam(defaultValue = "") String hours,
            RedirectAttributes flash) {
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
    String addHoliday(
            @PathVariable long id,
            @RequestParam String day,
            @RequestParam(defaultValue = "") String name,
            RedirectAttributes flash) {
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
    String importHolidays(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes flash)
            throws IOException {
        if (file.isEmpty()) throw new InvalidRequestException("file", "is required: choose an .ics file");
        if (file.getSize() > 1_000_000) throw new InvalidRequestException("file", "must be at most 1 MB");
        int days = calendars.importHolidays(id, new String(file.getBytes(), StandardCharsets.UTF_8));
        flash.addFlashAttribute("notice", days + " holiday days imported.");
        return "redirect:/admin/sla/calendars/" + id;
    }

    static void admin(Model page) {
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

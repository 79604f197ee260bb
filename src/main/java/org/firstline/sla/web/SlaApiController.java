package org.firstline.sla.web;

import jakarta.validation.Valid;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.firstline.platform.InvalidRequestException;
import org.firstline.sla.CalendarForm;
import org.firstline.sla.CalendarPreview;
import org.firstline.sla.CalendarService;
import org.firstline.sla.CalendarView;
import org.firstline.sla.ComplianceRow;
import org.firstline.sla.Holiday;
import org.firstline.sla.Interval;
import org.firstline.sla.PolicyForm;
import org.firstline.sla.PolicyView;
import org.firstline.sla.SlaListRow;
import org.firstline.sla.SlaPolicies;
import org.firstline.sla.SlaViews;
import org.firstline.sla.TargetUnit;
import org.firstline.sla.TicketSlaView;
import org.firstline.sla.TicketSlas;
import org.firstline.ticket.TicketService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service levels over the API: calendars and their preview, policies, a ticket's clocks, the lists and compliance. */
@RestController
@RequestMapping("/api/v1")
class SlaApiController {
    /** Ten years: further back or ahead than any ticket's clock, and far from the dates PostgreSQL cannot hold. */
    private static final long MAX_WINDOW_MINUTES = 10L * 366 * 24 * 60;

    private final CalendarService calendars;
    private final SlaPolicies policies;
    private final TicketSlas slas;
    private final SlaViews views;
    private final TicketService tickets;

    SlaApiController(
            CalendarService calendars, SlaPolicies policies, TicketSlas slas, SlaViews views, TicketService tickets) {
        this.calendars = calendars;
        this.policies = policies;
        this.slas = slas;
        this.views = views;
        this.tickets = tickets;
    }

    @GetMapping("/sla/calendars")
    List<CalendarView> calendars() {
        return calendars.list();
    }

    @GetMapping("/sla/calendars/{id}")
    CalendarView calendar(@PathVariable long id) {
        return calendars.get(id);
    }

    @PostMapping("/sla/calendars")
    @ResponseStatus(HttpStatus.CREATED)
    CalendarView createCalendar(@Valid @RequestBody CalendarForm form) {
        return calendars.create(form);
    }

    @PutMapping("/sla/calendars/{id}")
    CalendarView updateCalendar(@PathVariable long id, @Valid @RequestBody CalendarForm form) {
        return calendars.update(id, form);
    }

    @DeleteMapping("/sla/calendars/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCalendar(@PathVariable long id) {
        calendars.delete(id);
    }

    @PostMapping("/sla/calendars/{id}/holidays")
    CalendarView addHoliday(@PathVariable long id, @RequestBody Holiday holiday) {
        return calendars.addHoliday(id, holiday);
    }

    @DeleteMapping("/sla/calendars/{id}/holidays/{day}")
    CalendarView removeHoliday(@PathVariable long id, @PathVariable String day) {
        try {
            return calendars.removeHoliday(id, LocalDate.parse(day));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("day", "must be a date like 2026-12-25");
        }
    }

    /** The body is the iCalendar file itself ({@code text/calendar}). */
    @PostMapping(
            path = "/sla/calendars/{id}/holidays/import",
            consumes = {"text/calendar", "text/plain"})
    Map<String, Object> importHolidays(@PathVariable long id, @RequestBody String ics) {
        int days = calendars.importHolidays(id, ics);
        return Map.of("imported", days, "calendar", calendars.get(id));
    }

    @PostMapping("/sla/calendars/{id}/preview")
    CalendarPreview preview(@PathVariable long id, @Valid @RequestBody PreviewRequest request) {
        var pauses = request.pauses() == null
                ? List.<Interval>of()
                : request.pauses().stream()
                        .map(p -> {
                            if (p.to().isBefore(p.from()))
                                throw new InvalidRequestException("pauses", "a pause must not end before it starts");
                            return new Interval(p.from(), p.to());
                        })
                        .toList();
        return calendars.preview(
                id,
                request.start(),
                request.amount(),
                request.unit() == null ? TargetUnit.MINUTES : request.unit(),
                pauses,
                request.end());
    }

    @GetMapping("/sla/policies")
    List<PolicyView> policies() {
        return policies.list();
    }

    @GetMapping("/sla/policies/{id}")
    PolicyView policy(@PathVariable long id) {
        return policies.get(id);
    }

    @PostMapping("/sla/policies")
    @ResponseStatus(HttpStatus.CREATED)
    PolicyView createPolicy(@Valid @RequestBody PolicyForm form) {
        return policies.create(form);
    }

    @PutMapping("/sla/policies/{id}")
    PolicyView updatePolicy(@PathVariable long id, @Valid @RequestBody PolicyForm form) {
        return policies.update(id, form);
    }

    @DeleteMapping("/sla/policies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deletePolicy(@PathVariable long id) {
        policies.delete(id);
    }

    @GetMapping("/tickets/{id}/sla")
    TicketSlaView ticket(@PathVariable long id) {
        tickets.get(id); // 404 for a ticket that does not exist
        return slas.forTicket(id);
    }

    @GetMapping("/sla/breached")
    List<SlaListRow> breached(
            @RequestParam(defaultValue = "DUE") SlaViews.Sort sort, @RequestParam(defaultValue = "50") int limit) {
        return views.breached(sort, limit);
    }

    @GetMapping("/sla/at-risk")
    List<SlaListRow> atRisk(
            @RequestParam(defaultValue = "0") long withinMinutes,
            @RequestParam(defaultValue = "DUE") SlaViews.Sort sort,
            @RequestParam(defaultValue = "50") int limit) {
        if (withinMinutes < 0 || withinMinutes > MAX_WINDOW_MINUTES) {
            throw new InvalidRequestException("withinMinutes", "must be between 0 and " + MAX_WINDOW_MINUTES);
        }
        return views.atRisk(Duration.ofMinutes(withinMinutes), sort, limit);
    }

    @GetMapping("/sla/stale")
    List<SlaListRow> stale(
            @RequestParam(defaultValue = "24") long hours,
            @RequestParam(defaultValue = "DUE") SlaViews.Sort sort,
            @RequestParam(defaultValue = "50") int limit) {
        if (hours < 0 || hours > MAX_WINDOW_MINUTES / 60) {
            throw new InvalidRequestException("hours", "must be between 0 and " + MAX_WINDOW_MINUTES / 60);
        }
        return views.stale(Duration.ofHours(hours), sort, limit);
    }

    @GetMapping("/sla/compliance")
    List<ComplianceRow> compliance(
            @RequestParam(defaultValue = "ORGANIZATION") SlaViews.GroupBy groupBy,
            @RequestParam String from,
            @RequestParam String to) {
        return views.compliance(groupBy, month("from", from), month("to", to));
    }

    private static YearMonth month(String field, String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a month like 2026-11");
        }
    }
}

package org.firstline.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.firstline.directory.OrganizationService;
import org.firstline.directory.PlanView;
import org.firstline.sla.CalendarForm;
import org.firstline.sla.CalendarService;
import org.firstline.sla.Holiday;
import org.firstline.sla.PolicyForm;
import org.firstline.sla.PolicyTarget;
import org.firstline.sla.SlaPolicies;
import org.firstline.sla.SlaTarget;
import org.firstline.sla.TargetUnit;
import org.firstline.ticket.Priority;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The demo's service levels: in-hours 10:00–18:00 London time with England's bank holidays, and a policy per paid
 * plan in the seeds' terms (acknowledge within a working day, first response within 3 business hours, critical
 * tickets of the 24/7 plan around the clock). The Community plan keeps the default policy.
 */
@Component
class DemoSla {
    private static final String[][] BANK_HOLIDAYS = {
        {"2026-01-01", "New Year's Day"},
        {"2026-04-03", "Good Friday"},
        {"2026-04-06", "Easter Monday"},
        {"2026-05-04", "Early May bank holiday"},
        {"2026-05-25", "Spring bank holiday"},
        {"2026-08-31", "Summer bank holiday"},
        {"2026-12-25", "Christmas Day"},
        {"2026-12-28", "Boxing Day (substitute day)"},
        {"2027-01-01", "New Year's Day"},
        {"2027-03-26", "Good Friday"},
        {"2027-03-29", "Easter Monday"},
        {"2027-05-03", "Early May bank holiday"},
        {"2027-05-31", "Spring bank holiday"},
        {"2027-08-30", "Summer bank holiday"},
        {"2027-12-27", "Christmas Day (substitute day)"},
        {"2027-12-28", "Boxing Day (substitute day)"}
    };

    private final CalendarService calendars;
    private final SlaPolicies policies;
    private final OrganizationService organizations;

    DemoSla(CalendarService calendars, SlaPolicies policies, OrganizationService organizations) {
        this.calendars = calendars;
        this.policies = policies;
        this.organizations = organizations;
    }

    void create() {
        var hours = new ArrayList<CalendarForm.Hours>();
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.add(new CalendarForm.Hours(day, "10:00", "18:00"));
        }
        long london = calendars
                .create(new CalendarForm("London in-hours", "Europe/London", false, hours))
                .id();
        for (String[] h : BANK_HOLIDAYS) calendars.addHoliday(london, new Holiday(LocalDate.parse(h[0]), h[1]));
        policies.create(new PolicyForm(
                "Standard plan",
                plan("Standard"),
                london,
                null,
                80,
                List.of(
                        target(Priority.CRITICAL, SlaTarget.ACKNOWLEDGEMENT, 30, TargetUnit.MINUTES),
                        target(Priority.CRITICAL, SlaTarget.FIRST_RESPONSE, 60, TargetUnit.MINUTES),
                        target(Priority.CRITICAL, SlaTarget.RESOLUTION, 1, TargetUnit.WORKING_DAYS),
                        target(Priority.HIGH, SlaTarget.ACKNOWLEDGEMENT, 60, TargetUnit.MINUTES),
                        target(Priority.HIGH, SlaTarget.FIRST_RESPONSE, 180, TargetUnit.MINUTES),
                        target(Priority.HIGH, SlaTarget.NEXT_RESPONSE, 240, TargetUnit.MINUTES),
                        target(Priority.NORMAL, SlaTarget.ACKNOWLEDGEMENT, 1, TargetUnit.WORKING_DAYS),
                        target(Priority.NORMAL, SlaTarget.FIRST_RESPONSE, 1440, TargetUnit.MINUTES),
                        target(Priority.NORMAL, SlaTarget.NEXT_RESPONSE, 1, TargetUnit.WORKING_DAYS),
                        target(Priority.LOW, SlaTarget.ACKNOWLEDGEMENT, 1, TargetUnit.WORKING_DAYS),
                        target(Priority.LOW, SlaTarget.FIRST_RESPONSE, 3, TargetUnit.WORKING_DAYS))));
        policies.create(new PolicyForm(
                "Premium 24/7",
                plan("Premium 24/7"),
                london,
                null,
                75,
                List.of(
                        target(Priority.CRITICAL, SlaTarget.ACKNOWLEDGEMENT, 15, TargetUnit.MINUTES),
                        target(Priority.CRITICAL, SlaTarget.FIRST_RESPONSE, 30, TargetUnit.MINUTES),
                        target(Priority.CRITICAL, SlaTarget.NEXT_RESPONSE, 60, TargetUnit.MINUTES),
                        target(Priority.CRITICAL, SlaTarget.RESOLUTION, 480, TargetUnit.MINUTES),
                        target(Priority.HIGH, SlaTarget.ACKNOWLEDGEMENT, 30, TargetUnit.MINUTES),
                        target(Priority.HIGH, SlaTarget.FIRST_RESPONSE, 120, TargetUnit.MINUTES),
                        target(Priority.HIGH, SlaTarget.NEXT_RESPONSE, 180, TargetUnit.MINUTES),
                        target(Priority.NORMAL, SlaTarget.ACKNOWLEDGEMENT, 1, TargetUnit.WORKING_DAYS),
                        target(Priority.NORMAL, SlaTarget.FIRST_RESPONSE, 480, TargetUnit.MINUTES),
                        target(Priority.NORMAL, SlaTarget.NEXT_RESPONSE, 1, TargetUnit.WORKING_DAYS),
                        target(Priority.LOW, SlaTarget.FIRST_RESPONSE, 2, TargetUnit.WORKING_DAYS))));
    }

    private @Nullable Long plan(String name) {
        return organizations.plans().stream()
                .filter(p -> p.name().equals(name))
                .map(PlanView::id)
                .findFirst()
                .orElse(null);
    }

    private static PolicyTarget target(Priority priority, SlaTarget target, int amount, TargetUnit unit) {
        return new PolicyTarget(priority, target, amount, unit, null);
    }
}

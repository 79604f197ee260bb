package org.firstline.oncall.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.firstline.sla.BusinessTimeCalculator;
import org.firstline.sla.CalendarService;
import org.firstline.sla.PolicyView;
import org.firstline.sla.SlaPolicies;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * "In hours" for a policy or an alert source: inside its business calendar, else the default service level's. A desk with no calendar
 * at all is always in hours, so nothing waits for a morning that never comes.
 */
@Component
public class OnCallHours {
    private final CalendarService calendars;
    private final SlaPolicies policies;
    private final java.time.Clock clock;

    OnCallHours(CalendarService calendars, SlaPolicies policies, java.time.Clock clock) {
        this.calendars = calendars;
        this.policies = policies;
        this.clock = clock;
    }

    public boolean inHoursNow(@Nullable Long calendarId) {
        return inHours(calendarId, clock.instant());
    }

    public boolean inHours(@Nullable Long calendarId, Instant at) {
        return calculator(calendarId).map(c -> c.calendar().working(at)).orElse(true);
    }

    /** The first in-hours instant at or after {@code from}. */
    public Instant hoursBegin(@Nullable Long calendarId, Instant from) {
        var calculator = calculator(calendarId);
        if (calculator.isEmpty() || calculator.get().calendar().working(from)) return from;
        // a second of working time ends one second after the next working stretch begins
        return calculator
                .get()
                .add(from, Duration.ofSeconds(1), java.util.List.of())
                .minusSeconds(1);
    }

    private Optional<BusinessTimeCalculator> calculator(@Nullable Long calendarId) {
        Long id = calendarId != null
                ? calendarId
                : policies.forPlan(null).map(PolicyView::calendarId).orElse(null);
        if (id == null) return Optional.empty();
        try {
            return Optional.of(calendars.calculator(id));
        } catch (RuntimeException deleted) {
            // a calendar deleted meanwhile: people see the alert rather than nobody
            return Optional.empty();
        }
    }
}

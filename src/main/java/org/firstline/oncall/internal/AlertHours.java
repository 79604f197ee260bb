package org.firstline.oncall.internal;

import java.time.Instant;
import java.util.List;
import org.firstline.sla.CalendarService;
import org.firstline.sla.PolicyView;
import org.firstline.sla.SlaPolicies;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether an alert arrives in first line's hours: inside the source's calendar, else the default SLA policy's
 * calendar; a desk with neither has no "out of hours". Both lookups are kept warm by the sla module.
 */
@Component
public class AlertHours {
    private final CalendarService calendars;
    private final SlaPolicies policies;

    AlertHours(CalendarService calendars, SlaPolicies policies) {
        this.calendars = calendars;
        this.policies = policies;
    }

    public boolean inHours(@Nullable Long calendarId, Instant at) {
        Long calendar = calendarId != null
                ? calendarId
                : policies.forPlan(null).map(PolicyView::calendarId).orElse(null);
        if (calendar == null) return true;
        try {
            return calendars
                    .calculator(calendar)
                    .between(at, at.plusSeconds(1), List.of())
                    .isPositive();
        } catch (RuntimeException e) {
            // a calendar deleted meanwhile: first line sees the alert rather than nobody
            return true;
        }
    }
}

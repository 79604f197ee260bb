package org.firstline.sla;

import java.util.List;

public record CalendarView(
        long id,
        String name,
        String timeZone,
        boolean aroundTheClock,
        List<HoursRange> hours,
        List<Holiday> holidays) {}

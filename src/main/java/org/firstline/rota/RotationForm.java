package org.firstline.rota;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rotation as a person or API client sends it. Weekday, time, zone and date are text so a bad one is refused naming
 * its field: handoffDay "WEDNESDAY" (or 1–7), handoffTime "10:00", timeZone "Europe/London", anchorDate "2026-12-02"
 * (the first shift starts on the handoff weekday on or after it; today when absent). Roles default to one unnamed
 * role, shiftDays to 7 and noticeDays to 7.
 */
public record RotationForm(
        @Nullable String name,
        @Nullable Long teamId,
        @Nullable String duty,
        @Nullable String handoffDay,
        @Nullable String handoffTime,
        @Nullable String timeZone,
        @Nullable Integer shiftDays,
        @Nullable List<String> roles,
        @Nullable Long calendarId,
        @Nullable String anchorDate,
        @Nullable Integer noticeDays) {}

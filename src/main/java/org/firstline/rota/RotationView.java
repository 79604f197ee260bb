package org.firstline.rota;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rotation: who hands over the duty, when (a local weekday and time in a zone, every {@code shiftDays} days from
 * {@code anchorDate}) and in which slot roles; draft until published.
 */
public record RotationView(
        long id,
        String name,
        @Nullable Long teamId,
        Duty duty,
        DayOfWeek handoffDay,
        LocalTime handoffTime,
        String timeZone,
        int shiftDays,
        List<String> roles,
        @Nullable Long calendarId,
        LocalDate anchorDate,
        int noticeDays,
        boolean published,
        @Nullable Instant publishedAt,
        List<RotationMember> members) {

    public Handoffs handoffs() {
        return new Handoffs(handoffDay, handoffTime, java.time.ZoneId.of(timeZone), shiftDays);
    }

    /** The members of a role who are scheduled, in turn order. */
    public List<RotationMember> scheduled(String role) {
        return members.stream()
                .filter(m -> m.role().equals(role) && !m.shadow())
                .toList();
    }
}

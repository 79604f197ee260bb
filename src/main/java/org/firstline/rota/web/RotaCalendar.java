package org.firstline.rota.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.firstline.rota.Duties;
import org.firstline.rota.OnShift;
import org.firstline.rota.OverrideView;
import org.firstline.rota.RotationView;
import org.firstline.rota.ShiftView;
import org.jspecify.annotations.Nullable;

/**
 * The rota as a calendar: a row per shift (a week, for weekly rotas), a column per role; each cell the person who
 * holds the shift as it begins (swaps and whole-shift overrides applied), the planned person when that differs, and
 * the overrides that cover only part of the shift ("Bob for Ann, Fri 4 Dec 10:00 – Sun 6 Dec 10:00").
 */
public record RotaCalendar(List<String> roles, List<Row> rows) {
    public record Cell(
            @Nullable Long shiftId,
            @Nullable String holder,
            @Nullable Long holderId,
            @Nullable String planned,
            @Nullable Long plannedId,
            List<String> partly) {
        public boolean changed() {
            return !Objects.equals(holderId, plannedId);
        }
    }

    public record Row(LocalDate date, Instant startsAt, Instant endsAt, boolean today, List<Cell> cells) {}

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM HH:mm", java.util.Locale.ENGLISH);

    static RotaCalendar of(
            RotationView rotation, List<ShiftView> shifts, List<OverrideView> overrides, Duties duties, Instant now) {
        Map<Instant, Map<String, ShiftView>> byStart = new LinkedHashMap<>();
        for (ShiftView s : shifts)
            byStart.computeIfAbsent(s.startsAt(), k -> new LinkedHashMap<>()).put(s.role(), s);
        var zone = rotation.handoffs().zone();
        var rows = new ArrayList<Row>();
        for (var entry : byStart.entrySet()) {
            Instant start = entry.getKey();
            List<OnShift> holding = duties.holding(rotation, start);
            var cells = new ArrayList<Cell>();
            Instant end = start;
            for (String role : rotation.roles()) {
                ShiftView shift = entry.getValue().get(role);
                if (shift != null) end = shift.endsAt();
                var holder = holding.stream()
                        .filter(o -> o.role().equals(role))
                        .findFirst()
                        .orElse(null);
                cells.add(new Cell(
                        shift == null ? null : shift.id(),
                        holder == null ? null : holder.agentName(),
                        holder == null ? null : holder.agentId(),
                        shift == null ? null : shift.agentName(),
                        shift == null ? null : shift.agentId(),
                        shift == null ? List.of() : partly(shift, overrides, zone)));
            }
            boolean today = !now.isBefore(start) && now.isBefore(end);
            rows.add(new Row(LocalDate.ofInstant(start, zone), start, end, today, cells));
        }
        return new RotaCalendar(rotation.roles(), rows);
    }

    /** Overrides of the shift's role that overlap it but do not hold it from its start: drawn as notes. */
    private static List<String> partly(ShiftView shift, List<OverrideView> overrides, java.time.ZoneId zone) {
        var out = new ArrayList<String>();
        for (var o : overrides) {
            if (!o.role().equals(shift.role())) continue;
            if (!o.startsAt().isBefore(shift.endsAt()) || !o.endsAt().isAfter(shift.startsAt())) continue;
            boolean whole =
                    !o.startsAt().isAfter(shift.startsAt()) && !o.endsAt().isBefore(shift.endsAt());
            if (whole) continue;
            String what = o.addedAgentName() == null
                    ? "without " + o.removedAgentName()
                    : o.addedAgentName() + (o.removedAgentName() == null ? " added" : " for " + o.removedAgentName());
            Instant from = o.startsAt().isBefore(shift.startsAt()) ? shift.startsAt() : o.startsAt();
            Instant to = o.endsAt().isAfter(shift.endsAt()) ? shift.endsAt() : o.endsAt();
            out.add(what + ", " + WHEN.format(from.atZone(zone)) + " – " + WHEN.format(to.atZone(zone)));
        }
        return out;
    }
}

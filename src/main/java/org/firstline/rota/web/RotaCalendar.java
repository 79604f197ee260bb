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
import org.firstline.rota.RotationView;
import org.firstline.rota.ShiftView;
import org.jspecify.annotations.Nullable;

/**
 * The rota as a calendar: a row per shift (a week, for weekly rotas), a column per role; each cell the person who
 * holds the shift as it begins (swaps and whole-shift overrides applied) and the planned person when that differs.
 */
public record RotaCalendar(List<String> roles, List<Row> rows) {
    public record Cell(
            @Nullable Long shiftId,
            @Nullable String holder,
            @Nullable Long holderId,
            @Nullable String planned,
            @Nullable Long plannedId) {
        public boolean changed() {
            return !Objects.equals(holderId, plannedId);
        }
    }

    public record Row(LocalDate date, Instant startsAt, Instant endsAt, boolean today, List<Cell> cells) {}

    static RotaCalendar of(RotationView rotation, List<ShiftView> shifts, Duties duties, Instant now) {
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
                        shift == null ? null : shift.agentId()));
            }
            boolean today = !now.isBefore(start) && now.isBefore(end);
            rows.add(new Row(LocalDate.ofInstant(start, zone), start, end, today, cells));
        }
        return new RotaCalendar(rotation.roles(), rows);
    }
}

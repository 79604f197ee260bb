package org.firstline.feeds.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.firstline.rota.AbsenceView;
import org.firstline.rota.OutOfOffice;
import org.firstline.rota.OverrideView;
import org.firstline.rota.RotaOverrides;
import org.firstline.rota.RotationView;
import org.firstline.rota.Rotations;
import org.springframework.stereotype.Component;

/**
 * What the feeds show. A rota's feed: its planned shifts. A person's feed: their time on the published rotas as Firstline will hold them to it: the planned shifts less what overrides
 * and swaps took away and their out-of-office time, plus what overrides and swaps added. A planned shift cut in two
 * by an override becomes two events.
 */
@Component
public class FeedShifts {
    /** One stretch on a rotation; {@code uid} stays the same when the plan moves it, so calendars update it. */
    public record Stretch(
            RotationView rotation, String role, Instant startsAt, Instant endsAt, String uid, String note) {}

    private final Rotations rotations;
    private final RotaOverrides overrides;
    private final OutOfOffice outOfOffice;

    FeedShifts(Rotations rotations, RotaOverrides overrides, OutOfOffice outOfOffice) {
        this.rotations = rotations;
        this.overrides = overrides;
        this.outOfOffice = outOfOffice;
    }

    public RotationView rotation(long id) {
        return rotations.get(id);
    }

    /** The rotation's planned shifts from the instant to its horizon. */
    public List<org.firstline.rota.ShiftView> planned(RotationView rotation, Instant from) {
        return rotations.shifts(rotation.id(), from, rotations.horizon(rotation.id()));
    }

    /**
     * A shift's event UID: the slot (rota, role, shift number), not the row, so a replanned shift keeps its UID and
     * calendars update it instead of duplicating it.
     */
    public static String uid(RotationView rotation, org.firstline.rota.ShiftView shift) {
        String slot = shift.role().isBlank() ? "" : shift.role().replaceAll("[^A-Za-z0-9]", "_") + "-";
        return "rota-" + rotation.id() + "-" + slot + shift.index();
    }

    public List<Stretch> person(long agentId, Instant from) {
        List<AbsenceView> away = outOfOffice.of(agentId);
        var out = new ArrayList<Stretch>();
        for (var rotation : rotations.list()) {
            if (!rotation.published()) continue;
            List<OverrideView> changes = overrides.list(rotation.id());
            for (var shift : planned(rotation, from)) {
                if (!Long.valueOf(agentId).equals(shift.agentId())) continue;
                String uid = uid(rotation, shift);
                var pieces = List.of(new Span(shift.startsAt(), shift.endsAt()));
                for (var o : changes) {
                    if (o.role().equals(shift.role()) && Long.valueOf(agentId).equals(o.removedAgentId())) {
                        pieces = without(pieces, o.startsAt(), o.endsAt());
                    }
                }
                for (var a : away) pieces = without(pieces, a.startsAt(), a.endsAt());
                boolean cut = !pieces.equals(List.of(new Span(shift.startsAt(), shift.endsAt())));
                for (int i = 0; i < pieces.size(); i++) {
                    out.add(new Stretch(
                            rotation,
                            shift.role(),
                            pieces.get(i).from(),
                            pieces.get(i).to(),
                            uid + (i == 0 ? "" : "-" + i),
                            cut
                                    ? "Part of shift " + (shift.index() + 1) + "; the rest is covered or you are away."
                                    : ""));
                }
            }
            for (var o : changes) {
                if (!Long.valueOf(agentId).equals(o.addedAgentId())
                        || !o.endsAt().isAfter(from)) continue;
                var pieces = List.of(new Span(o.startsAt(), o.endsAt()));
                for (var a : away) pieces = without(pieces, a.startsAt(), a.endsAt());
                String note = o.removedAgentName() == null
                        ? "Added to the rota."
                        : "Covering for " + o.removedAgentName() + (o.swapId() != null ? " (a swap)." : ".");
                for (int i = 0; i < pieces.size(); i++) {
                    out.add(new Stretch(
                            rotation,
                            o.role(),
                            pieces.get(i).from(),
                            pieces.get(i).to(),
                            "rota-" + rotation.id() + "-override-" + o.id() + (i == 0 ? "" : "-" + i),
                            note));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Stretch::startsAt));
        return out;
    }

    record Span(Instant from, Instant to) {}

    /** The spans less [from, to). */
    static List<Span> without(List<Span> spans, Instant from, Instant to) {
        var out = new ArrayList<Span>();
        for (Span s : spans) {
            if (!from.isBefore(s.to()) || !to.isAfter(s.from())) {
                out.add(s);
                continue;
            }
            if (from.isAfter(s.from())) out.add(new Span(s.from(), from));
            if (to.isBefore(s.to())) out.add(new Span(to, s.to()));
        }
        return out;
    }
}

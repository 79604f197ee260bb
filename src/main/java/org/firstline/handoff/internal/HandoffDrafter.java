package org.firstline.handoff.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.firstline.directory.AgentService;
import org.firstline.email.StaffMail;
import org.firstline.platform.FirstlineSettings;
import org.firstline.rota.Duties;
import org.firstline.rota.OnShift;
import org.firstline.rota.Rotations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the last day of a shift (its final 24 hours), drafts its handoff once and reminds the outgoing person by mail.
 * The unique key makes a second node's draft of the same shift a no-op.
 */
@Component
public class HandoffDrafter {
    static final Duration LAST_DAY = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Rotations rotations;
    private final Duties duties;
    private final HandoffFacts facts;
    private final Reminder reminder;

    HandoffDrafter(
            JdbcClient jdbc, Clock clock, Rotations rotations, Duties duties, HandoffFacts facts, Reminder reminder) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rotations = rotations;
        this.duties = duties;
        this.facts = facts;
        this.reminder = reminder;
    }

    /** Mail to the outgoing person, from the desk's staff mailbox. */
    @Component
    record Reminder(StaffMail mail, AgentService agents, FirstlineSettings settings) {}

    /** Drafts the handoffs of shifts in their last day that have none yet; returns how many it drafted. */
    public int draftDue() {
        Instant now = clock.instant();
        int drafted = 0;
        for (var rotation : rotations.list()) {
            if (!rotation.published()) continue;
            for (var shift : rotations.shifts(rotation.id(), now, now.plus(LAST_DAY))) {
                if (shift.endsAt().isAfter(now.plus(LAST_DAY))
                        || !shift.endsAt().isAfter(now)) continue;
                var outgoing =
                        holder(duties, rotation, shift.role(), shift.endsAt().minusSeconds(1));
                var incoming = holder(duties, rotation, shift.role(), shift.endsAt());
                String draft =
                        facts.draft(rotation.teamId(), outgoing, shift.startsAt(), now, ZoneId.of(rotation.timeZone()));
                var id = jdbc.sql("""
                                insert into handoff (rotation_id, role, shift_starts_at, shift_ends_at, outgoing_agent_id,
                                                     incoming_agent_id, draft, body, created_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning id""")
                        .params(
                                rotation.id(),
                                shift.role(),
                                Timestamp.from(shift.startsAt()),
                                Timestamp.from(shift.endsAt()),
                                outgoing,
                                incoming,
                                draft,
                                draft,
                                Timestamp.from(now))
                        .query((rs, n) -> rs.getLong(1))
                        .optional();
                if (id.isEmpty()) continue;
                drafted++;
                if (outgoing != null) remind(id.get(), outgoing, rotation.name(), shift.endsAt(), now);
            }
        }
        return drafted;
    }

    private void remind(long handoffId, long outgoing, String rotation, Instant endsAt, Instant now) {
        var person = reminder.agents().get(outgoing);
        if (person.email() == null || person.email().isBlank()) return;
        String url = reminder.settings().publicUrl().replaceAll("/+$", "") + "/handoffs/" + handoffId;
        var queued = reminder.mail()
                .send(
                        person.email(),
                        "Your " + rotation + " shift ends soon: your handoff",
                        "Hello " + person.displayName() + ",\n\nYour " + rotation + " shift ends at " + endsAt
                                + " (UTC). Firstline drafted your handoff: open tickets, breaches, incidents, pages and"
                                + " the period's load. Add what the next person needs to know:\n\n" + url + "\n");
        if (queued.isPresent()) {
            jdbc.sql("update handoff set reminded_at = ? where id = ?")
                    .params(Timestamp.from(now), handoffId)
                    .update();
        }
    }

    private static @org.jspecify.annotations.Nullable Long holder(
            Duties duties, org.firstline.rota.RotationView rotation, String role, Instant at) {
        return duties.holding(rotation, at).stream()
                .filter(s -> s.role().equals(role))
                .map(OnShift::agentId)
                .findFirst()
                .orElse(null);
    }
}

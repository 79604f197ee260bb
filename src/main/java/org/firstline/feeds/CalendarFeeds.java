package org.firstline.feeds;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.firstline.directory.AgentService;
import org.firstline.feeds.internal.FeedCalendar;
import org.firstline.feeds.internal.FeedShifts;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.FirstlineSettings;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.LinkTokens;
import org.firstline.platform.NotFoundException;
import org.firstline.rota.Duty;
import org.firstline.rota.RotationView;
import org.firstline.rota.ShiftView;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secret calendar addresses for a rota's or a person's shifts. Agents make and revoke their own; admins a rota's (or
 * anyone's). The token is the credential, so only its SHA-256 is stored and the address is shown once.
 */
@Service
public class CalendarFeeds {
    /** How far back a feed reaches: far enough for last month's handoffs to stay in people's calendars. */
    static final Duration PAST = Duration.ofDays(30);

    static final List<Duration> REMINDERS = List.of(Duration.ofDays(1), Duration.ofHours(1));

    private final JdbcClient jdbc;
    private final FeedShifts shifts;
    private final AgentService agents;
    private final Clock clock;
    private final String publicUrl;

    CalendarFeeds(JdbcClient jdbc, FeedShifts shifts, AgentService agents, Clock clock, FirstlineSettings settings) {
        this.jdbc = jdbc;
        this.shifts = shifts;
        this.agents = agents;
        this.clock = clock;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    private record Row(
            long id,
            @Nullable Long rotationId,
            @Nullable Long agentId,
            Instant createdAt,
            @Nullable Instant revokedAt) {}

    @Transactional
    public CreatedCalendarFeed create(AgentPrincipal who, CalendarFeedForm form) {
        Long rotationId = form.rotationId();
        Long agentId = form.agentId();
        if (rotationId != null && agentId != null) {
            throw new InvalidRequestException("agentId", "give a rotationId or an agentId, not both");
        }
        if (rotationId != null) {
            if (!who.isAdmin()) throw new AccessDeniedException("only admins subscribe others to a rota");
            try {
                shifts.rotation(rotationId);
            } catch (NotFoundException e) {
                throw new InvalidRequestException("rotationId", "rotation " + rotationId + " does not exist");
            }
        } else {
            if (agentId == null) agentId = who.id();
            if (agentId != who.id() && !who.isAdmin()) throw new AccessDeniedException("only your own shifts");
            if (agents.find(agentId).isEmpty()) {
                throw new InvalidRequestException("agentId", "agent " + agentId + " does not exist");
            }
        }
        String token = LinkTokens.token();
        long id = jdbc.sql("""
                insert into calendar_feed (token_hash, rotation_id, agent_id, created_by, created_at)
                values (?, ?, ?, ?, ?) returning id""")
                .params(LinkTokens.hash(token), rotationId, agentId, who.id(), Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return new CreatedCalendarFeed(view(row(id)), publicUrl + "/api/v1/calendar-feeds/" + token + ".ics");
    }

    /** The feeds a person made, newest first. */
    public List<CalendarFeedView> list(AgentPrincipal who) {
        return jdbc.sql("""
                select id from calendar_feed where created_by = ? order by created_at desc, id desc""").param(who.id()).query((rs, n) -> rs.getLong(1)).list().stream()
                .map(id -> view(row(id)))
                .toList();
    }

    /** Stops an address answering; someone else's feed is as unknown as a missing one (admins may revoke any). */
    @Transactional
    public void revoke(AgentPrincipal who, long id) {
        int changed = jdbc.sql("""
                update calendar_feed set revoked_at = coalesce(revoked_at, ?)
                where id = ? and (created_by = ? or ?)""")
                .params(Timestamp.from(clock.instant()), id, who.id(), who.isAdmin())
                .update();
        if (changed == 0) throw new NotFoundException("Calendar feed " + id + " does not exist.");
    }

    /** The iCalendar text for a token; an unknown or revoked token is not found. */
    public String render(String token) {
        var found = jdbc.sql("select id from calendar_feed where token_hash = ? and revoked_at is null")
                .param(LinkTokens.hash(token))
                .query(Long.class)
                .optional();
        if (found.isEmpty()) throw new NotFoundException("No such calendar feed.");
        var row = row(found.get());
        Instant now = clock.instant();
        Instant from = now.minus(PAST);
        if (row.rotationId() != null) {
            var rotation = shifts.rotation(row.rotationId());
            var events = new ArrayList<FeedCalendar.Event>();
            for (var shift : shifts.planned(rotation, from)) {
                events.add(event(rotation, shift));
            }
            return FeedCalendar.write(rotation.name(), now, events, List.of());
        }
        long agentId = java.util.Objects.requireNonNull(row.agentId());
        var agent = agents.get(agentId);
        var events = new ArrayList<FeedCalendar.Event>();
        for (var stretch : shifts.person(agentId, from)) {
            var rotation = stretch.rotation();
            String role = rotation.roles().size() > 1 ? " (" + stretch.role() + ")" : "";
            String description = rotation.name() + role + ". " + (stretch.note().isEmpty() ? "" : stretch.note() + " ")
                    + handsOver(rotation);
            events.add(new FeedCalendar.Event(
                    stretch.uid() + "@firstline",
                    stretch.startsAt(),
                    stretch.endsAt(),
                    duty(rotation.duty()) + ": " + rotation.name() + role,
                    description));
        }
        return FeedCalendar.write("Shifts: " + agent.displayName(), now, events, REMINDERS);
    }

    private static FeedCalendar.Event event(RotationView rotation, ShiftView shift) {
        String role = rotation.roles().size() > 1 ? " (" + shift.role() + ")" : "";
        String who = shift.agentName() == null ? "unfilled" : shift.agentName();
        String summary = duty(rotation.duty()) + ": " + rotation.name() + role + " — " + who;
        String description =
                rotation.name() + role + ", shift " + (shift.index() + 1) + ": " + who + ". " + handsOver(rotation);
        return new FeedCalendar.Event(
                FeedShifts.uid(rotation, shift) + "@firstline", shift.startsAt(), shift.endsAt(), summary, description);
    }

    private static String handsOver(RotationView rotation) {
        return "Hands over " + rotation.handoffDay().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)
                + " at " + rotation.handoffTime() + " " + rotation.timeZone() + ".";
    }

    static String duty(Duty duty) {
        return switch (duty) {
            case ON_CALL -> "On call";
            case FIRST_LINE -> "First line";
            case SECOND_LINE -> "Second line";
            case TRIAGE_DESK -> "Triage desk";
        };
    }

    private Row row(long id) {
        return jdbc.sql("select id, rotation_id, agent_id, created_at, revoked_at from calendar_feed where id = ?")
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getObject(2, Long.class),
                        rs.getObject(3, Long.class),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .single();
    }

    private CalendarFeedView view(Row row) {
        String title;
        if (row.rotationId() != null) {
            title = shifts.rotation(row.rotationId()).name();
        } else {
            title = agents.find(java.util.Objects.requireNonNull(row.agentId()))
                    .map(a -> a.displayName())
                    .orElse("agent " + row.agentId());
        }
        return new CalendarFeedView(row.id(), row.rotationId(), row.agentId(), title, row.createdAt(), row.revokedAt());
    }
}

package org.firstline.incident.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.firstline.platform.AfterCommit;
import org.firstline.platform.LiveChannel;
import org.firstline.ticket.TicketOpened;
import org.firstline.ticket.TicketStatusChanged;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Suggests an incident when at least N similar new tickets from at least M organizations came in within T minutes.
 * Similar: the subjects share at least half the words (PostgreSQL's English stems) of the shorter one. Only agents
 * see the suggestion; declaring from it still takes a public title an agent writes.
 */
@Component
public class SurgeWatch {
    /** The newest recent tickets looked at; a surge the settings can ask for (at most 1,000 tickets) fits. */
    static final int CONSIDERED = 2_000;
    /** While more than this many tickets changed since the last answer, it is kept this long. */
    static final int QUIET_CHANGES = 20;

    static final int BUSY_SECONDS = 5;
    /** Tickets leave the window as time passes: no answer is older than this. */
    private static final long MAX_AGE_NANOS = 30_000_000_000L;

    private record Known(List<Surge> surges, Settings settings, long generation, long at, java.time.Instant clockAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private volatile @Nullable Known known;

    SurgeWatch(JdbcClient jdbc, Clock clock, LiveChannel live) {
        this.jdbc = jdbc;
        this.clock = clock;
        // changes made on other nodes; this node's own are counted once they commit, below
        live.listen(payload -> {
            if (payload.startsWith("ticket:")) changes.incrementAndGet();
        });
    }

    public record Settings(
            @NotNull(message = "is required")
            @Min(value = 2, message = "must be at least 2")
            @Max(value = 1000, message = "must be at most 1000")
            @Nullable
            Integer tickets,

            @NotNull(message = "is required")
            @Min(value = 1, message = "must be at least 1")
            @Max(value = 1000, message = "must be at most 1000")
            @Nullable
            Integer organizations,

            @NotNull(message = "is required")
            @Min(value = 1, message = "must be at least 1")
            @Max(value = 1440, message = "must be at most 1440")
            @Nullable
            Integer minutes) {}

    /** Tickets that look like one problem, with the words they share. */
    public record Surge(List<Long> ticketIds, List<Long> numbers, long organizations, List<String> words) {}

    public Settings settings() {
        return jdbc.sql("select surge_tickets, surge_organizations, surge_minutes from incident_settings")
                .query((rs, n) -> new Settings(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .single();
    }

    @Transactional
    public Settings save(Settings settings) {
        jdbc.sql(
                        "update incident_settings set surge_tickets = ?, surge_organizations = ?, surge_minutes = ?, updated_at = ?")
                .params(
                        settings.tickets(),
                        settings.organizations(),
                        settings.minutes(),
                        Timestamp.from(clock.instant()))
                .update();
        return settings();
    }

    /** The biggest surge, if any. */
    public Optional<Surge> current() {
        return all().stream().findFirst();
    }

    /**
     * Up to five surges, biggest first. Worked out in memory from the newest {@value #CONSIDERED} recent tickets and
     * kept: every open desk asks each minute, and during a surge, when tickets arrive by the hundred, the answer is
     * worked out again at most every {@value #BUSY_SECONDS} seconds instead of once per desk and minute.
     */
    public List<Surge> all() {
        Settings s = settings();
        long generation = changes.get();
        Known known = this.known;
        long now = System.nanoTime();
        java.time.Instant clockNow = clock.instant();
        if (known != null
                && known.settings().equals(s)
                && Duration.between(known.clockAt(), clockNow).abs().toNanos() < MAX_AGE_NANOS) {
            long age = now - known.at();
            boolean unchanged = known.generation() == generation;
            boolean busy = generation - known.generation() > QUIET_CHANGES;
            if (age < MAX_AGE_NANOS && (unchanged || (busy && age < BUSY_SECONDS * 1_000_000_000L))) {
                return known.surges();
            }
        }
        List<Surge> surges = SurgeGroups.find(recent(s), s);
        this.known = new Known(surges, s, generation, now, clockNow);
        return surges;
    }

    /** Tickets or links changed: the next question works the surges out again (see {@link #all}). */
    public void changed() {
        AfterCommit.run(changes::incrementAndGet);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void opened(TicketOpened event) {
        changes.incrementAndGet();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void statusChanged(TicketStatusChanged event) {
        changes.incrementAndGet();
    }

    private List<SurgeGroups.Recent> recent(Settings s) {
        var since = Timestamp.from(
                clock.instant().minus(Duration.ofMinutes(java.util.Objects.requireNonNull(s.minutes()))));
        return jdbc.sql("""
                        select t.id, t.number, t.organization_id, tsvector_to_array(to_tsvector('english', t.subject)) words
                        from ticket t
                        where t.created_at >= :since and t.status in ('NEW', 'OPEN') and not t.internal
                          and not exists (select 1 from incident_ticket it join incident i on i.id = it.incident_id
                                          where it.ticket_id = t.id and i.resolved_at is null)
                        order by t.created_at desc, t.id desc
                        limit :considered""")
                .param("since", since)
                .param("considered", CONSIDERED)
                .query((rs, n) -> new SurgeGroups.Recent(
                        rs.getLong("id"), rs.getLong("number"), rs.getObject("organization_id", Long.class), (String[])
                                rs.getArray("words").getArray()))
                .list();
    }
}

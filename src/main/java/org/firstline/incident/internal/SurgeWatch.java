package org.firstline.incident.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggests an incident when at least N similar new tickets from at least M organizations came in within T minutes.
 * Similar: the subjects share at least half the words (PostgreSQL's English stems) of the shorter one. Only agents
 * see the suggestion; declaring from it still takes a public title an agent writes.
 */
@Component
public class SurgeWatch {
    private final JdbcClient jdbc;
    private final Clock clock;

    SurgeWatch(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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

    /** Up to five surges, biggest first. */
    public List<Surge> all() {
        Settings s = settings();
        var seen = new java.util.HashSet<List<Long>>();
        var since = Timestamp.from(
                clock.instant().minus(Duration.ofMinutes(java.util.Objects.requireNonNull(s.minutes()))));
        return jdbc
                .sql("""
                        with recent as (
                            select t.id, t.number, t.organization_id, tsvector_to_array(to_tsvector('english', t.subject)) words
                            from ticket t
                            where t.created_at >= :since and t.status in ('NEW', 'OPEN') and not t.internal
                              and not exists (select 1 from incident_ticket it join incident i on i.id = it.incident_id
                                              where it.ticket_id = t.id and i.resolved_at is null)
                        ), pairs as (
                            select a.id anchor, b.id, b.number, b.organization_id, a.words
                            from recent a join recent b on a.words && b.words
                            where cardinality(array(select unnest(a.words) intersect select unnest(b.words))) * 2
                                  >= least(cardinality(a.words), cardinality(b.words))
                              and cardinality(a.words) > 0
                        )
                        select anchor, array_agg(id order by id) ids, array_agg(number order by id) numbers,
                               count(distinct organization_id) orgs, min(words) words
                        from pairs group by anchor
                        having count(*) >= :tickets and count(distinct organization_id) >= :orgs
                        order by count(*) desc, count(distinct organization_id) desc, anchor desc
                        limit 50""")
                .param("since", since)
                .param("tickets", s.tickets())
                .param("orgs", s.organizations())
                .query((rs, n) -> new Surge(
                        List.of((Long[]) rs.getArray("ids").getArray()),
                        List.of((Long[]) rs.getArray("numbers").getArray()),
                        rs.getLong("orgs"),
                        List.of((String[]) rs.getArray("words").getArray())))
                .list()
                .stream()
                // every ticket of a surge anchors the same group: one each
                .filter(surge -> seen.add(surge.ticketIds()))
                .limit(5)
                .toList();
    }
}

package org.firstline.ticketform.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts what each view of the form showed and how it ended. Counting must never slow or fail the form, so events
 * are gathered in memory and written in batches ({@link FormViewsLoop}, about once a second); while the database is
 * down they wait in memory (at most {@link #MAX_VIEWS} views). What a node gathered since its last write is lost if
 * the process dies: at most a second or so of counts, or the outage's worth.
 *
 * <p>A view ends SUBMITTED when its request was sent, DEFLECTED when it showed a banner or a suggestion and was left
 * (or stayed open {@link #OPEN_FOR}) without one, LEFT otherwise.
 */
@Component
public class FormViews {
    static final Duration OPEN_FOR = Duration.ofMinutes(30);
    static final int MAX_VIEWS = 50_000;
    private static final Logger log = LoggerFactory.getLogger(FormViews.class);

    /** What one view did since its last write. */
    private static final class Events {
        final Instant firstAt;
        final Set<Long> incidents = new LinkedHashSet<>();
        final Set<Long> shown = new LinkedHashSet<>();
        final Set<Long> clicked = new LinkedHashSet<>();

        @Nullable
        Instant submittedAt;

        @Nullable
        Instant leftAt;

        Events(Instant firstAt) {
            this.firstAt = firstAt;
        }

        Events merge(Events later) {
            incidents.addAll(later.incidents);
            shown.addAll(later.shown);
            clicked.addAll(later.clicked);
            if (submittedAt == null) submittedAt = later.submittedAt;
            if (leftAt == null) leftAt = later.leftAt;
            return this;
        }
    }

    private final ConcurrentHashMap<UUID, Events> pending = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile boolean warnedFull;

    FormViews(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    public void bannerShown(UUID view, Collection<Long> incidentIds) {
        if (!incidentIds.isEmpty()) record(view, e -> e.incidents.addAll(incidentIds));
    }

    public void suggestionsShown(UUID view, Collection<Long> ruleIds) {
        if (!ruleIds.isEmpty()) record(view, e -> e.shown.addAll(ruleIds));
    }

    public void clicked(UUID view, long ruleId) {
        record(view, e -> {
            e.shown.add(ruleId);
            e.clicked.add(ruleId);
        });
    }

    public void submitted(UUID view) {
        Instant now = clock.instant();
        record(view, e -> e.submittedAt = now);
    }

    public void left(UUID view) {
        Instant now = clock.instant();
        record(view, e -> e.leftAt = now);
    }

    private void record(UUID view, Consumer<Events> change) {
        if (pending.size() >= MAX_VIEWS && !pending.containsKey(view)) {
            if (!warnedFull) log.warn("Form view counts not written for a while; new views are not counted");
            warnedFull = true;
            return;
        }
        Instant now = clock.instant();
        pending.compute(view, (id, events) -> {
            Events e = events == null ? new Events(now) : events;
            change.accept(e);
            return e;
        });
    }

    /** Writes what was gathered; on failure it is kept for the next try. The number of views written. */
    public int flush() {
        List<UUID> ids = new ArrayList<>(pending.keySet());
        if (ids.isEmpty()) return 0;
        List<java.util.Map.Entry<UUID, Events>> batch = new ArrayList<>();
        for (UUID id : ids) {
            Events e = pending.remove(id);
            if (e != null) batch.add(java.util.Map.entry(id, e));
        }
        try {
            transactions.executeWithoutResult(status -> write(batch));
            warnedFull = false;
            return batch.size();
        } catch (RuntimeException e) {
            for (var entry : batch)
                pending.merge(entry.getKey(), entry.getValue(), (newer, older) -> older.merge(newer));
            throw e;
        }
    }

    private void write(List<java.util.Map.Entry<UUID, Events>> batch) {
        List<Object[]> upserts = new ArrayList<>();
        List<Object[]> submitted = new ArrayList<>();
        List<Object[]> left = new ArrayList<>();
        for (var entry : batch) {
            Events e = entry.getValue();
            upserts.add(new Object[] {
                entry.getKey(),
                Timestamp.from(e.firstAt),
                array(e.incidents),
                array(e.shown),
                array(e.clicked),
                e.submittedAt == null ? null : Timestamp.from(e.submittedAt)
            });
            if (e.submittedAt != null) submitted.add(new Object[] {Timestamp.from(e.submittedAt), entry.getKey()});
            if (e.leftAt != null) left.add(new Object[] {Timestamp.from(e.leftAt), entry.getKey()});
        }
        jdbc.batchUpdate("""
                insert into form_view (view_id, started_at, incidents, rules_shown, rules_clicked, submitted_at)
                values (?, ?, ?::bigint[], ?::bigint[], ?::bigint[], ?)
                on conflict (view_id) do update set
                    incidents = array(select distinct unnest(form_view.incidents || excluded.incidents)),
                    rules_shown = array(select distinct unnest(form_view.rules_shown || excluded.rules_shown)),
                    rules_clicked = array(select distinct unnest(form_view.rules_clicked || excluded.rules_clicked)),
                    submitted_at = coalesce(form_view.submitted_at, excluded.submitted_at)""", upserts);
        jdbc.batchUpdate(
                "update form_view set outcome = 'SUBMITTED', closed_at = ? where view_id = ? and outcome is null",
                submitted);
        jdbc.batchUpdate("""
                update form_view set closed_at = ?, outcome = case
                    when submitted_at is not null then 'SUBMITTED'
                    when cardinality(incidents) + cardinality(rules_shown) > 0 then 'DEFLECTED'
                    else 'LEFT' end
                where view_id = ? and outcome is null""", left);
    }

    /** Ends the views open longer than {@link #OPEN_FOR} that were never submitted nor left; how many. */
    public int closeStale() {
        Instant now = clock.instant();
        return jdbc.update("""
                update form_view set closed_at = ?, outcome = case
                    when submitted_at is not null then 'SUBMITTED'
                    when cardinality(incidents) + cardinality(rules_shown) > 0 then 'DEFLECTED'
                    else 'LEFT' end
                where outcome is null and started_at <= ?""", Timestamp.from(now), Timestamp.from(now.minus(OPEN_FOR)));
    }

    private static String array(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}

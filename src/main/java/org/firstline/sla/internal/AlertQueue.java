package org.firstline.sla.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.firstline.sla.SlaAlert;
import org.firstline.sla.SlaAlertKind;
import org.firstline.sla.SlaTarget;
import org.firstline.ticket.Priority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The recorded warnings and breaches nobody was told of yet, as a queue: claims them (SKIP LOCKED, so nodes share
 * the work), marks them told, and keeps count of failed attempts. An alert that failed waits a little longer before
 * each try, and after {@code firstline.sla.notify-attempts} (5) it is dead-lettered: never claimed again, listed on
 * the service-level admin page until an admin tries it again.
 */
@Component
class AlertQueue {
    private static final Logger log = LoggerFactory.getLogger(AlertQueue.class);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    /** An alert as claimed, with how often telling of it failed before. */
    record Claimed(SlaAlert alert, int attempts) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry meters;
    private final int batchSize;
    private final int maxAttempts;

    AlertQueue(
            JdbcClient jdbc,
            Clock clock,
            MeterRegistry meters,
            @Value("${firstline.sla.notify-batch:500}") int batchSize,
            @Value("${firstline.sla.notify-attempts:5}") int maxAttempts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
    }

    int batchSize() {
        return batchSize;
    }

    /** Locks the next batch due to be told, after {@code afterId}: a round never claims what it already tried. */
    List<Claimed> claim(long afterId) {
        return jdbc.sql("""
                with claimed as (
                    select id from sla_event
                    where notified_at is null and dead_lettered_at is null and (next_attempt_at is null or next_attempt_at <= :now)
                      and id > :after
                    order by id limit :batch for update skip locked
                )
                select e.id, e.kind, e.due_at, e.attempts, s.target, t.id as ticket_id, t.number, t.subject, t.priority, t.team_id, t.owner_id
                from claimed join sla_event e on e.id = claimed.id
                join ticket_sla s on s.id = e.ticket_sla_id join ticket t on t.id = e.ticket_id
                order by e.id""")
                .param("now", Timestamp.from(clock.instant()))
                .param("after", afterId)
                .param("batch", batchSize)
                .query((rs, n) -> new Claimed(
                        new SlaAlert(
                                rs.getLong("id"),
                                SlaAlertKind.valueOf(rs.getString("kind")),
                                SlaTarget.valueOf(rs.getString("target")),
                                rs.getTimestamp("due_at").toInstant(),
                                rs.getLong("ticket_id"),
                                rs.getLong("number"),
                                rs.getString("subject"),
                                Priority.valueOf(rs.getString("priority")),
                                rs.getObject("team_id", Long.class),
                                rs.getObject("owner_id", Long.class)),
                        rs.getInt("attempts")))
                .list();
    }

    void told(List<Claimed> alerts) {
        jdbc.sql("update sla_event set notified_at = ?, next_attempt_at = null where id = any(?)")
                .params(
                        Timestamp.from(clock.instant()),
                        alerts.stream().map(c -> c.alert().eventId()).toArray(Long[]::new))
                .update();
    }

    /** Counts a failed attempt at telling of one alert, and sets it aside once it has had all its attempts. */
    void failed(Claimed claimed, Throwable failure) {
        SlaAlert alert = claimed.alert();
        int attempt = claimed.attempts() + 1;
        boolean dead = attempt >= maxAttempts;
        Instant now = clock.instant();
        jdbc.sql("""
                update sla_event set attempts = ?, last_error = ?, next_attempt_at = ?, dead_lettered_at = ? where id = ?""")
                .params(
                        attempt,
                        describe(failure),
                        Timestamp.from(now.plus(backoff(attempt))),
                        dead ? Timestamp.from(now) : null,
                        alert.eventId())
                .update();
        if (dead) {
            meters.counter("firstline.sla.alerts.dead_lettered").increment();
            log.error(
                    "Gave up telling of {} {} on ticket {} (alert {}) after {} attempts; it is listed under Admin → Service levels",
                    alert.kind(),
                    alert.target(),
                    alert.ticketId(),
                    alert.eventId(),
                    attempt,
                    failure);
        } else {
            meters.counter("firstline.sla.alerts.failed").increment();
            log.warn(
                    "Telling of {} {} on ticket {} (alert {}) failed, attempt {} of {}; the other alerts went on",
                    alert.kind(),
                    alert.target(),
                    alert.ticketId(),
                    alert.eventId(),
                    attempt,
                    maxAttempts,
                    failure);
        }
    }

    /** 1, 2, 4, 8… minutes, at most an hour: a short outage of a listener's dependency does not use all attempts up. */
    static Duration backoff(int attempt) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 10));
        return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
    }

    /** For the admin page: what went wrong in a sentence, never SQL or a stack; the log has the rest. */
    private static String describe(Throwable failure) {
        if (failure instanceof org.springframework.dao.DataAccessException) {
            return "the database refused it (details in the server log)";
        }
        String text = failure.getMessage() == null
                ? "an unexpected error (details in the server log)"
                : failure.getMessage().lines().findFirst().orElse("");
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}

package org.firstline.oncall.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firstline.oncall.AlertRaised;
import org.firstline.oncall.AlertResolved;
import org.firstline.oncall.AlertSeverity;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes alerts with as few statements as a post allows: a firing post is one statement (the upsert on the open alert
 * of its key, which records {@code RAISED} when it opened one, and the upsert of all its parts) and, if any part
 * resolved, one conditional resolve. A resend of an open alert only counts a receipt and refreshes what it shows.
 */
@Component
public class AlertWriter {
    /** What one post did. */
    public record Outcome(@Nullable Long alertId, boolean opened, boolean resolved) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    AlertWriter(JdbcClient jdbc, Clock clock, ObjectMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.events = events;
    }

    @Transactional
    public Outcome receive(SourceRef source, Incoming in, boolean inHours) {
        Instant now = clock.instant();
        try {
            if (in.firing()) {
                Opened up = fire(source, in, now, inHours);
                if (up.opened()) {
                    events.publishEvent(new AlertRaised(
                            up.id(), source.id(), up.serviceId(), up.teamId(), up.severity(), now, up.suppressed()));
                }
                boolean resolved = in.anyPartResolved() && resolveIfQuiet(up.id(), now);
                return new Outcome(up.id(), up.opened(), resolved);
            }
            Optional<Long> open = touch(source.id(), in.dedupKey(), now);
            if (open.isEmpty()) return new Outcome(null, false, false);
            long id = open.get();
            if (!in.parts().isEmpty()) parts(id, in.parts(), now);
            return new Outcome(id, false, resolveIfQuiet(id, now));
        } catch (DataIntegrityViolationException e) {
            // the only reference a sender controls is the service
            throw new InvalidRequestException("serviceId", "is not a service of this desk");
        }
    }

    private record Opened(
            long id,
            boolean opened,
            AlertSeverity severity,
            boolean suppressed,
            long teamId,
            @Nullable Long serviceId) {}

    private Opened fire(SourceRef source, Incoming in, Instant now, boolean inHours) {
        Long service = in.serviceId() != null ? in.serviceId() : source.serviceId();
        return jdbc.sql("""
                        with up as (
                            insert into alert (source_id, dedup_key, status, severity, summary, details, labels, annotations,
                                               runbook_url, generator_url, external_url, team_id, service_id, organization_id,
                                               suppressed, in_hours, receipts, opened_at, last_received_at)
                            values (:source, :key, 'FIRING', :severity, :summary, :details, cast(:labels as jsonb),
                                    cast(:annotations as jsonb), :runbook, :generator, :external, :team, :service, :organization,
                                    exists (select 1 from maintenance_window m
                                            where (m.source_id = :source or m.service_id = :service)
                                              and m.starts_at <= :now and m.ends_at > :now),
                                    :inHours, 1, :now, :now)
                            on conflict (source_id, dedup_key) where status <> 'RESOLVED'
                            do update set receipts = alert.receipts + 1, last_received_at = excluded.last_received_at,
                                          severity = excluded.severity, summary = excluded.summary, details = excluded.details,
                                          labels = excluded.labels, annotations = excluded.annotations,
                                          runbook_url = excluded.runbook_url, generator_url = excluded.generator_url
                            returning id, (xmax = 0) as opened, severity, suppressed, team_id, service_id
                        ), raised as (
                            insert into alert_event (alert_id, kind, at) select id, 'RAISED', :now from up where opened
                        ), parts as (
                            insert into alert_part (alert_id, fingerprint, status, labels, annotations, starts_at, ends_at,
                                                    generator_url, updated_at)
                            select up.id, p.fingerprint, p.status, coalesce(p.labels, '{}'), coalesce(p.annotations, '{}'),
                                   p.starts_at, p.ends_at, p.generator_url, :now
                            from up, jsonb_to_recordset(cast(:parts as jsonb))
                                 as p(fingerprint text, status text, labels jsonb, annotations jsonb, starts_at timestamptz,
                                      ends_at timestamptz, generator_url text)
                            on conflict (alert_id, fingerprint) do update
                            set status = excluded.status, labels = excluded.labels, annotations = excluded.annotations,
                                starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                                generator_url = excluded.generator_url, updated_at = excluded.updated_at
                        )
                        select * from up""")
                .param("source", source.id())
                .param("key", in.dedupKey())
                .param("severity", in.severity().name())
                .param("summary", in.summary())
                .param("details", in.details())
                .param("labels", json.writeValueAsString(in.labels()))
                .param("annotations", json.writeValueAsString(in.annotations()))
                .param("runbook", in.runbookUrl())
                .param("generator", in.generatorUrl())
                .param("external", in.externalUrl())
                .param("team", source.teamId())
                .param("service", service, java.sql.Types.BIGINT)
                .param("organization", source.organizationId(), java.sql.Types.BIGINT)
                .param("inHours", inHours)
                .param("now", Timestamp.from(now))
                .param("parts", partsJson(in.parts()))
                .query((rs, n) -> new Opened(
                        rs.getLong("id"),
                        rs.getBoolean("opened"),
                        AlertSeverity.valueOf(rs.getString("severity")),
                        rs.getBoolean("suppressed"),
                        rs.getLong("team_id"),
                        rs.getObject("service_id", Long.class)))
                .single();
    }

    /** A resolved post for an open alert counts a receipt; none open (a resend of a resolution) does nothing. */
    private Optional<Long> touch(long source, String key, Instant now) {
        return jdbc.sql("""
                        update alert set receipts = receipts + 1, last_received_at = :now
                        where source_id = :source and dedup_key = :key and status <> 'RESOLVED' returning id""")
                .param("now", Timestamp.from(now))
                .param("source", source)
                .param("key", key)
                .query(Long.class)
                .optional();
    }

    private String partsJson(List<Incoming.Part> parts) {
        List<Map<String, Object>> rows = parts.stream()
                .map(p -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("fingerprint", p.fingerprint());
                    row.put("status", p.status().name());
                    row.put("labels", p.labels());
                    row.put("annotations", p.annotations());
                    row.put(
                            "starts_at",
                            p.startsAt() == null ? null : p.startsAt().toString());
                    row.put("ends_at", p.endsAt() == null ? null : p.endsAt().toString());
                    row.put("generator_url", p.generatorUrl());
                    return row;
                })
                .toList();
        return json.writeValueAsString(rows);
    }

    private void parts(long alertId, List<Incoming.Part> parts, Instant now) {
        jdbc.sql("""
                        insert into alert_part (alert_id, fingerprint, status, labels, annotations, starts_at, ends_at,
                                                generator_url, updated_at)
                        select :alert, p.fingerprint, p.status, coalesce(p.labels, '{}'), coalesce(p.annotations, '{}'),
                               p.starts_at, p.ends_at, p.generator_url, :now
                        from jsonb_to_recordset(cast(:parts as jsonb))
                             as p(fingerprint text, status text, labels jsonb, annotations jsonb, starts_at timestamptz,
                                  ends_at timestamptz, generator_url text)
                        on conflict (alert_id, fingerprint) do update
                        set status = excluded.status, labels = excluded.labels, annotations = excluded.annotations,
                            starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                            generator_url = excluded.generator_url, updated_at = excluded.updated_at""")
                .param("alert", alertId)
                .param("now", Timestamp.from(now))
                .param("parts", partsJson(parts))
                .update();
    }

    /**
     * A person resolved the alert's escalation: the alert is resolved too, though its monitor may still fire (its next
     * post then opens a new alert, which pages again: it was not fixed).
     */
    public boolean resolveByHand(long alertId) {
        return resolve(alertId, clock.instant(), false);
    }

    /** Resolves the alert when none of its parts fires any more (all of them, for an alert without parts). */
    private boolean resolveIfQuiet(long alertId, Instant now) {
        return resolve(alertId, now, true);
    }

    private boolean resolve(long alertId, Instant now, boolean onlyIfQuiet) {
        boolean resolved = jdbc.sql("""
                        with r as (
                            update alert set status = 'RESOLVED', resolved_at = :now
                            where id = :alert and status <> 'RESOLVED'
                              and (not :quiet or not exists (select 1 from alert_part where alert_id = :alert and status = 'FIRING'))
                            returning id
                        ), ev as (
                            insert into alert_event (alert_id, kind, at) select id, 'RESOLVED', :now from r
                        )
                        select count(*) from r""")
                        .param("alert", alertId)
                        .param("now", Timestamp.from(now))
                        .param("quiet", onlyIfQuiet)
                        .query(Long.class)
                        .single()
                > 0;
        if (resolved) events.publishEvent(new AlertResolved(alertId, now));
        return resolved;
    }
}

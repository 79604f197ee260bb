package org.firstline.oncall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reading alerts: one with its parts, lists for the first-line inbox, and which keys are noisy. */
@Service
public class Alerts {
    /** The period noise is counted over. */
    public static final Duration NOISE_PERIOD = Duration.ofDays(7);

    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};
    private static final String SELECT = """
            select a.*, s.name as source_name, s.escalation_policy_id
            from alert a join alert_source s on s.id = a.source_id
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    Alerts(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public AlertView get(long id) {
        AlertView alert = jdbc.sql(SELECT + " where a.id = ?")
                .param(id)
                .query((rs, n) -> row(rs, List.of()))
                .optional()
                .orElseThrow(() -> new NotFoundException("Alert " + id + " does not exist."));
        List<AlertPartView> parts = jdbc.sql("select * from alert_part where alert_id = ? order by fingerprint")
                .param(id)
                .query((rs, n) -> new AlertPartView(
                        rs.getString("fingerprint"),
                        AlertStatus.valueOf(rs.getString("status")),
                        strings(rs.getString("labels")),
                        strings(rs.getString("annotations")),
                        AlertSources.instant(rs.getTimestamp("starts_at")),
                        AlertSources.instant(rs.getTimestamp("ends_at")),
                        rs.getString("generator_url")))
                .list();
        return withParts(alert, parts);
    }

    public List<AlertView> list(AlertFilter filter) {
        StringBuilder where = new StringBuilder(" where true");
        var query = new java.util.LinkedHashMap<String, Object>();
        if (filter.status() != null) {
            where.append(
                    filter.status() == AlertStatus.RESOLVED
                            ? " and a.status = 'RESOLVED'"
                            : " and a.status <> 'RESOLVED'");
        }
        if (filter.sourceId() != null) {
            where.append(" and a.source_id = :source");
            query.put("source", filter.sourceId());
        }
        if (filter.severity() != null) {
            where.append(" and a.severity = :severity");
            query.put("severity", filter.severity().name());
        }
        if (filter.suppressed() != null) {
            where.append(" and a.suppressed = :suppressed");
            query.put("suppressed", filter.suppressed());
        }
        query.put("limit", Math.max(1, Math.min(filter.limit(), 500)));
        return jdbc.sql(SELECT + where + " order by a.opened_at desc, a.id desc limit :limit")
                .params(query)
                .query((rs, n) -> row(rs, List.of()))
                .list();
    }

    /**
     * The noisiest dedup keys of the last seven days: how many alerts each opened (fired) and how many posts they
     * had, suppressed alerts left out; most fired first.
     */
    public List<AlertNoise> noisy(int limit) {
        return jdbc.sql("""
                        select a.source_id, s.name, a.dedup_key, count(*) as fired, sum(a.receipts) as receipts,
                               max(a.last_received_at) as last_at,
                               (array_agg(a.summary order by a.opened_at desc))[1] as summary
                        from alert a join alert_source s on s.id = a.source_id
                        where a.opened_at >= ? and not a.suppressed
                        group by a.source_id, s.name, a.dedup_key
                        order by fired desc, receipts desc, last_at desc
                        limit ?""")
                .params(Timestamp.from(clock.instant().minus(NOISE_PERIOD)), Math.max(1, Math.min(limit, 100)))
                .query((rs, n) -> new AlertNoise(
                        rs.getLong("source_id"),
                        rs.getString("name"),
                        rs.getString("dedup_key"),
                        rs.getString("summary"),
                        rs.getLong("fired"),
                        rs.getLong("receipts"),
                        rs.getTimestamp("last_at").toInstant()))
                .list();
    }

    private AlertView row(ResultSet rs, List<AlertPartView> parts) throws SQLException {
        return new AlertView(
                rs.getLong("id"),
                rs.getLong("source_id"),
                rs.getString("source_name"),
                rs.getString("dedup_key"),
                AlertStatus.valueOf(rs.getString("status")),
                AlertSeverity.valueOf(rs.getString("severity")),
                rs.getString("summary"),
                rs.getString("details"),
                strings(rs.getString("labels")),
                strings(rs.getString("annotations")),
                rs.getString("runbook_url"),
                rs.getString("generator_url"),
                rs.getLong("team_id"),
                rs.getObject("service_id", Long.class),
                rs.getObject("organization_id", Long.class),
                rs.getObject("escalation_policy_id", Long.class),
                rs.getBoolean("suppressed"),
                rs.getBoolean("in_hours"),
                rs.getInt("receipts"),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("last_received_at").toInstant(),
                AlertSources.instant(rs.getTimestamp("resolved_at")),
                rs.getObject("ticket_id", Long.class),
                rs.getObject("ticket_number", Long.class),
                parts);
    }

    private Map<String, String> strings(@Nullable String text) {
        if (text == null) return Map.of();
        return json.readValue(text, STRINGS);
    }

    private static AlertView withParts(AlertView a, List<AlertPartView> parts) {
        return new AlertView(
                a.id(),
                a.sourceId(),
                a.sourceName(),
                a.dedupKey(),
                a.status(),
                a.severity(),
                a.summary(),
                a.details(),
                a.labels(),
                a.annotations(),
                a.runbookUrl(),
                a.generatorUrl(),
                a.teamId(),
                a.serviceId(),
                a.organizationId(),
                a.escalationPolicyId(),
                a.suppressed(),
                a.inHours(),
                a.receipts(),
                a.openedAt(),
                a.lastReceivedAt(),
                a.resolvedAt(),
                a.ticketId(),
                a.ticketNumber(),
                parts);
    }
}

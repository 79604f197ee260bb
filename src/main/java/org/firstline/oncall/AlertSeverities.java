package org.firstline.oncall;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.firstline.platform.AfterCommit;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editable mapping from an alert's {@code severity} label to the desk's severity. Keys are lower case; {@code *}
 * is the severity of an alert with no severity label or one not in the mapping. Kept for two seconds between reads,
 * so another node's edit is seen within them and this node's at once.
 */
@Service
public class AlertSeverities {
    public static final String OTHERWISE = "*";
    private static final long KEPT_NANOS = java.time.Duration.ofSeconds(2).toNanos();

    private record Loaded(Map<String, AlertSeverity> mapping, long at) {}

    private final JdbcClient jdbc;
    private volatile @Nullable Loaded loaded;

    AlertSeverities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The whole mapping, label value → severity, the {@code *} fallback included. */
    public Map<String, AlertSeverity> mapping() {
        Loaded now = loaded;
        if (now == null || System.nanoTime() - now.at() > KEPT_NANOS) {
            Map<String, AlertSeverity> read = new LinkedHashMap<>();
            jdbc.sql("select label_value, severity from alert_severity_mapping order by label_value")
                    .query((rs, n) -> read.put(rs.getString(1), AlertSeverity.valueOf(rs.getString(2))))
                    .list();
            now = new Loaded(Map.copyOf(read), System.nanoTime());
            loaded = now;
        }
        return now.mapping();
    }

    /** The severity of a label value (any case, surrounding blanks ignored); none or unknown: the fallback. */
    public AlertSeverity of(@Nullable String labelValue) {
        Map<String, AlertSeverity> mapping = mapping();
        if (labelValue != null) {
            AlertSeverity known = mapping.get(labelValue.strip().toLowerCase(Locale.ROOT));
            if (known != null) return known;
        }
        return mapping.getOrDefault(OTHERWISE, AlertSeverity.HIGH);
    }

    /** Replaces the mapping; it must keep a {@code *} fallback. */
    @Transactional
    public Map<String, AlertSeverity> replace(Map<String, AlertSeverity> mapping) {
        Map<String, AlertSeverity> clean = new LinkedHashMap<>();
        if (mapping.size() > 200) throw new InvalidRequestException("mapping", "must have at most 200 entries");
        mapping.forEach((key, severity) -> {
            String value = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty() || value.length() > 100) {
                throw new InvalidRequestException("mapping", "label values must be 1 to 100 characters");
            }
            if (severity == null) throw new InvalidRequestException("mapping." + value, "needs a severity");
            clean.put(value, severity);
        });
        if (!clean.containsKey(OTHERWISE)) {
            throw new InvalidRequestException("mapping", "must map \"*\" (no or unknown severity label)");
        }
        jdbc.sql("delete from alert_severity_mapping").update();
        clean.forEach((value, severity) -> jdbc.sql(
                        "insert into alert_severity_mapping (label_value, severity) values (?, ?)")
                .params(value, severity.name())
                .update());
        loaded = null;
        AfterCommit.run(() -> loaded = null);
        return mapping();
    }
}

package org.firstline.oncall.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.firstline.oncall.AlertSourceKind;
import org.firstline.platform.AfterCommit;
import org.firstline.platform.LinkTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Token → source, kept a few seconds so a burst of posts costs no lookup each. Only tokens that resolved are kept
 * (a flood of wrong ones cannot fill memory); a rotated or deleted token stops working on this node at once and on the
 * others within {@link #KEPT_FOR}.
 */
@Component
public class AlertSourceTokens {
    public static final Duration KEPT_FOR = Duration.ofSeconds(5);
    private static final long KEPT_NANOS = KEPT_FOR.toNanos();
    private static final int MAX_TOKEN_LENGTH = 200;

    private record Kept(SourceRef source, long at) {}

    private final JdbcClient jdbc;
    private final Map<String, Kept> byHash = new ConcurrentHashMap<>();

    AlertSourceTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SourceRef> resolve(String token) {
        if (token.isBlank() || token.length() > MAX_TOKEN_LENGTH) return Optional.empty();
        String hash = LinkTokens.hash(token.strip());
        Kept kept = byHash.get(hash);
        long now = System.nanoTime();
        if (kept != null && now - kept.at() < KEPT_NANOS) return Optional.of(kept.source());
        Optional<SourceRef> found = jdbc.sql("""
                        select id, name, kind, team_id, service_id, organization_id, calendar_id
                        from alert_source where token_hash = ? and deleted_at is null""")
                .param(hash)
                .query((rs, n) -> new SourceRef(
                        rs.getLong("id"),
                        rs.getString("name"),
                        AlertSourceKind.valueOf(rs.getString("kind")),
                        rs.getLong("team_id"),
                        rs.getObject("service_id", Long.class),
                        rs.getObject("organization_id", Long.class),
                        rs.getObject("calendar_id", Long.class)))
                .optional();
        if (found.isPresent()) byHash.put(hash, new Kept(found.get(), now));
        else byHash.remove(hash);
        return found;
    }

    /** After a source changed on this node: its old token and settings are not used again here. */
    public void forget() {
        byHash.clear();
        AfterCommit.run(byHash::clear);
    }
}

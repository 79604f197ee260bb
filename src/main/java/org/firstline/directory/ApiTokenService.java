package org.firstline.directory;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ApiTokenResolver;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.LinkTokens;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: 256 random bits, stored as their SHA-256 (a slow password hash adds nothing for secrets this long
 * and would cost every API call).
 */
@Service
public class ApiTokenService implements ApiTokenResolver {
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;
    private final AgentService agents;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<Long, Instant> lastUseRecorded = new ConcurrentHashMap<>();

    ApiTokenService(JdbcClient jdbc, Clock clock, AuditStamp audit, AgentService agents) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.agents = agents;
    }

    @Transactional
    public CreatedApiToken create(String name, long agentId) {
        audit.stampCurrentActor();
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("name", "is required");
        }
        if (!agents.get(agentId).active()) {
            // an inactive agent, Firstline's own system agent among them, cannot act, so it gets no way to
            throw new InvalidRequestException(
                    "agentId", "belongs to an inactive agent; tokens are for active agents only");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "fl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql(
                        "insert into api_token (name, token_hash, agent_id, created_at) values (?, ?, ?, ?) returning id")
                .params(name.trim(), hash(secret), agentId, Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return new CreatedApiToken(get(id), secret);
    }

    public List<ApiTokenView> list() {
        return jdbc.sql("select * from api_token order by created_at desc, id desc")
                .query(ApiTokenService::token)
                .list();
    }

    public ApiTokenView get(long id) {
        return jdbc.sql("select * from api_token where id = ?")
                .param(id)
                .query(ApiTokenService::token)
                .optional()
                .orElseThrow(() -> new NotFoundException("API token " + id + " does not exist."));
    }

    @Transactional
    public void revoke(long id) {
        audit.stampCurrentActor();
        get(id);
        jdbc.sql("update api_token set revoked_at = coalesce(revoked_at, ?) where id = ?")
                .params(Timestamp.from(clock.instant()), id)
                .update();
    }

    @Override
    public Optional<AgentPrincipal> resolve(String secret) {
        if (secret == null || !secret.startsWith("fl_") || secret.length() > 100) {
            return Optional.empty();
        }
        record Found(long tokenId, AgentPrincipal agent) {}
        var found = jdbc.sql("""
                select t.id as token_id, a.* from api_token t join agent a on a.id = t.agent_id
                where t.token_hash = ? and t.revoked_at is null""")
                .param(hash(secret))
                .query((rs, n) -> new Found(rs.getLong("token_id"), AgentService.principal(rs)))
                .optional();
        found.ifPresent(f -> recordUse(f.tokenId()));
        return found.map(Found::agent);
    }

    /** Last use is kept to the minute so that busy clients do not turn every call into a write. */
    private void recordUse(long tokenId) {
        Instant now = clock.instant();
        Instant previous = lastUseRecorded.get(tokenId);
        if (previous == null || previous.plus(LAST_USED_RESOLUTION).isBefore(now)) {
            lastUseRecorded.put(tokenId, now);
            jdbc.sql("update api_token set last_used_at = ? where id = ?")
                    .params(Timestamp.from(now), tokenId)
                    .update();
        }
    }

    static String hash(String secret) {
        return LinkTokens.hash(secret);
    }

    private static ApiTokenView token(ResultSet rs, int n) throws SQLException {
        return new ApiTokenView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getLong("agent_id"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}

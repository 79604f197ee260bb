package org.firstline.oncall;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.firstline.directory.AgentService;
import org.firstline.integration.OutboundCalls;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AgentRole;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.platform.SecretCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each person is paged: their own rules (a webhook at 0 minutes, email at 2). A person with none is mailed at
 * once. People change their own; admins change anyone's.
 */
@Service
public class ContactMethods {
    static final int MAX_PER_PERSON = 10;
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AgentService agents;
    private final SecretCipher cipher;
    private final OutboundCalls calls;

    ContactMethods(JdbcClient jdbc, Clock clock, AgentService agents, SecretCipher cipher, OutboundCalls calls) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.agents = agents;
        this.cipher = cipher;
        this.calls = calls;
    }

    public List<ContactMethodView> of(long agentId) {
        agents.get(agentId);
        return jdbc.sql(
                        "select id, agent_id, kind, email, url, delay_minutes from contact_method where agent_id = ? order by delay_minutes, id")
                .param(agentId)
                .query((rs, n) -> new ContactMethodView(
                        rs.getLong("id"),
                        rs.getLong("agent_id"),
                        rs.getString("kind"),
                        rs.getString("email"),
                        host(rs.getString("url")),
                        rs.getInt("delay_minutes")))
                .list();
    }

    @Transactional
    public ContactMethodView add(long agentId, ContactMethodForm form, AgentPrincipal actor) {
        mayChange(agentId, actor);
        agents.get(agentId);
        String kind = form.kind() == null ? "" : form.kind().strip().toUpperCase(java.util.Locale.ROOT);
        int delay = form.delayMinutes() == null ? 0 : form.delayMinutes();
        if (delay < 0 || delay > 60) throw new InvalidRequestException("delayMinutes", "must be between 0 and 60");
        String email = null;
        String url = null;
        switch (kind) {
            case "EMAIL" -> {
                email = form.email() == null ? "" : form.email().strip();
                if (!EMAIL.matcher(email).matches())
                    throw new InvalidRequestException("email", "must be an email address");
            }
            case "WEBHOOK" -> {
                String plain = form.url() == null ? "" : form.url().strip();
                if (plain.isEmpty()) throw new InvalidRequestException("url", "is required");
                if (plain.length() > 2000) throw new InvalidRequestException("url", "must be at most 2000 characters");
                calls.checkUrl("url", plain);
                url = cipher.encrypt(plain);
            }
            default -> throw new InvalidRequestException("kind", "must be EMAIL or WEBHOOK");
        }
        int count = jdbc.sql("select count(*) from contact_method where agent_id = ?")
                .param(agentId)
                .query((rs, n) -> rs.getInt(1))
                .single();
        if (count >= MAX_PER_PERSON)
            throw new InvalidRequestException("kind", "at most " + MAX_PER_PERSON + " per person");
        long id = jdbc.sql("""
                        insert into contact_method (agent_id, kind, email, url, delay_minutes, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(agentId, kind, email, url, delay, Timestamp.from(clock.instant()))
                .query((rs, n) -> rs.getLong(1))
                .single();
        return of(agentId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void remove(long agentId, long methodId, AgentPrincipal actor) {
        mayChange(agentId, actor);
        int removed = jdbc.sql("delete from contact_method where id = ? and agent_id = ?")
                .params(methodId, agentId)
                .update();
        if (removed == 0) throw new NotFoundException("Contact method " + methodId + " does not exist.");
    }

    /** Someone's contact methods (personal addresses): for them and admins only. */
    public List<ContactMethodView> of(long agentId, AgentPrincipal reader) {
        if (reader.id() != agentId && reader.role() != AgentRole.ADMIN) {
            throw new AccessDeniedException("Only admins see another person's contact methods.");
        }
        return of(agentId);
    }

    private static void mayChange(long agentId, AgentPrincipal actor) {
        if (actor.id() != agentId && actor.role() != AgentRole.ADMIN) {
            throw new AccessDeniedException("Only admins change another person's contact methods.");
        }
    }

    private @Nullable String host(@Nullable String sealed) {
        if (sealed == null) return null;
        try {
            return URI.create(cipher.decrypt(sealed)).getHost();
        } catch (RuntimeException e) {
            return "(unreadable)";
        }
    }
}

package org.firstline.integration;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.firstline.integration.internal.ActiveWebhooks;
import org.firstline.integration.internal.OutboundGuard;
import org.firstline.platform.NotFoundException;
import org.firstline.platform.SecretCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generic webhooks subscribed to ticket events. Each has a random signing secret, shown once and kept encrypted
 * (Firstline must sign with it, so it cannot be a hash). A webhook that keeps failing is disabled with its reason.
 */
@Service
public class Webhooks {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecretCipher cipher;
    private final OutboundGuard guard;
    private final ActiveWebhooks active;

    Webhooks(JdbcClient jdbc, Clock clock, SecretCipher cipher, OutboundGuard guard, ActiveWebhooks active) {
        this.active = active;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
        this.guard = guard;
    }

    public List<WebhookView> list() {
        return jdbc.sql("select * from webhook_subscription order by id")
                .query(Webhooks::view)
                .list();
    }

    public WebhookView get(long id) {
        return jdbc.sql("select * from webhook_subscription where id = ?")
                .param(id)
                .query(Webhooks::view)
                .optional()
                .orElseThrow(() -> new NotFoundException("Webhook " + id + " does not exist."));
    }

    @Transactional
    public CreatedWebhook create(WebhookForm form) {
        guard.checkUrl("url", form.url());
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        long id = jdbc.sql(
                        "insert into webhook_subscription (name, url, secret, events, created_at) values (?, ?, ?, ?, ?) returning id")
                .params(
                        form.name().strip(),
                        form.url().strip(),
                        cipher.encrypt(secret),
                        form.events().stream().distinct().map(Enum::name).toArray(String[]::new),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        active.changed();
        return new CreatedWebhook(get(id), secret);
    }

    /** Turns a disabled webhook back on; its failure count starts again. */
    @Transactional
    public WebhookView enable(long id) {
        get(id);
        jdbc.sql(
                        "update webhook_subscription set active = true, consecutive_failures = 0, disabled_reason = null where id = ?")
                .param(id)
                .update();
        active.changed();
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        if (jdbc.sql("delete from webhook_subscription where id = ?").param(id).update() == 0) {
            throw new NotFoundException("Webhook " + id + " does not exist.");
        }
        active.changed();
    }

    private static WebhookView view(ResultSet rs, int n) throws SQLException {
        return new WebhookView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("url"),
                Arrays.stream((String[]) rs.getArray("events").getArray())
                        .map(WebhookEvent::valueOf)
                        .toList(),
                rs.getBoolean("active"),
                rs.getInt("consecutive_failures"),
                rs.getString("disabled_reason"),
                rs.getTimestamp("created_at").toInstant());
    }
}

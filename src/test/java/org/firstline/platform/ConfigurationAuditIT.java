package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Admins' configuration changes are in the audit trail under their name, and no secret ever is. */
class ConfigurationAuditIT extends ApiTest {

    @Test
    void mailboxesWebhooksAndLabelsAreAuditedWithoutTheirSecrets() {
        var adminAgent = newAgent(AgentRole.ADMIN);
        var admin = api(adminAgent);
        String password = "mailbox-password-" + unique("p");
        var mailbox = admin.post(
                "/api/v1/mailboxes",
                Map.ofEntries(
                        Map.entry("name", unique("Audited")),
                        Map.entry("address", unique("audit") + "@support.test"),
                        Map.entry("imapHost", "127.0.0.1"),
                        Map.entry("imapPort", 1),
                        Map.entry("imapSecurity", "NONE"),
                        Map.entry("imapUsername", "support"),
                        Map.entry("imapPassword", password),
                        Map.entry("enabled", false)));
        assertThat(mailbox.status()).as(mailbox.body()).isEqualTo(201);
        long mailboxId = mailbox.json().get("id").asLong();
        assertThat(admin.patch("/api/v1/mailboxes/" + mailboxId, Map.of("imapPassword", password + "-new"))
                        .status())
                .isEqualTo(200);

        var webhook = admin.post(
                "/api/v1/webhooks",
                Map.of("name", "audited hook", "url", "http://localhost:9/hook", "events", List.of("TICKET_OPENED")));
        assertThat(webhook.status()).as(webhook.body()).isEqualTo(201);
        String secret = webhook.json().get("secret").asString();
        long webhookId = webhook.json().get("webhook").get("id").asLong();

        var mailboxTrail = admin.get("/api/v1/audit?entity=mailbox&entityId=" + mailboxId);
        assertThat(mailboxTrail.json().get("items")).hasSize(2);
        assertThat(mailboxTrail.json().get("items").get(0).get("field").asString())
                .isEqualTo("imap_password");
        assertThat(mailboxTrail.json().get("items").get(1).get("action").asString())
                .isEqualTo("created");
        assertThat(mailboxTrail.json().get("items").get(1).get("actor").asString())
                .isEqualTo("agent:" + adminAgent.username());
        assertThat(mailboxTrail.body()).doesNotContain(password);

        var webhookTrail = admin.get("/api/v1/audit?entity=webhook_subscription&entityId=" + webhookId);
        assertThat(webhookTrail.json().get("items")).hasSize(1);
        assertThat(webhookTrail.body())
                .contains("audited hook")
                .doesNotContain(secret)
                .doesNotContain("localhost:9/hook");

        var everyMailbox = admin.get("/api/v1/audit?entity=mailbox");
        assertThat(everyMailbox.json().get("items").size()).isGreaterThanOrEqualTo(2);
        assertThat(api(AgentRole.AGENT).get("/api/v1/audit?entity=mailbox").status())
                .isEqualTo(403);
    }

    @Test
    void anApiTokenCannotBeMadeForTheSystemAgent() {
        var admin = api(AgentRole.ADMIN);
        var system = agentService.principal("firstline").orElseThrow();
        var refused = admin.post("/api/v1/api-tokens", Map.of("name", "sneaky", "agentId", system.id()));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("agentId");
    }
}

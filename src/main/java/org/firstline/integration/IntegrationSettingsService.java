package org.firstline.integration;

import java.sql.Timestamp;
import java.time.Clock;
import org.firstline.integration.internal.OutboundGuard;
import org.firstline.integration.internal.Secrets;
import org.firstline.platform.SecretCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one row of integration settings. Base URLs are configurable so that any compatible server (or a test's) can stand in. */
@Service
public class IntegrationSettingsService {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecretCipher cipher;
    private final OutboundGuard guard;

    IntegrationSettingsService(JdbcClient jdbc, Clock clock, SecretCipher cipher, OutboundGuard guard) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
        this.guard = guard;
    }

    public IntegrationSettings get() {
        Secrets s = secrets();
        return new IntegrationSettings(
                s.slackSupportWebhook() != null,
                s.trelloBaseUrl(),
                s.trelloKey() != null,
                s.trelloToken() != null,
                s.githubBaseUrl(),
                s.githubRepository(),
                s.githubToken() != null,
                s.githubWebhookSecret() != null,
                s.githubPlanningRepository(),
                s.shortcutBaseUrl(),
                s.shortcutToken() != null,
                s.shortcutWorkflowStateId(),
                s.sprintDays());
    }

    public Secrets secrets() {
        return jdbc.sql("select * from integration_settings where id = 1")
                .query((rs, n) -> new Secrets(
                        open(rs.getString("slack_support_webhook")),
                        rs.getString("trello_base_url"),
                        open(rs.getString("trello_key")),
                        open(rs.getString("trello_token")),
                        rs.getString("github_base_url"),
                        rs.getString("github_repository"),
                        open(rs.getString("github_token")),
                        open(rs.getString("github_webhook_secret")),
                        rs.getString("github_planning_repository"),
                        rs.getString("shortcut_base_url"),
                        open(rs.getString("shortcut_token")),
                        rs.getObject("shortcut_workflow_state_id", Long.class),
                        rs.getInt("sprint_days")))
                .single();
    }

    @Transactional
    public IntegrationSettings update(IntegrationSettingsForm form) {
        guard.checkUrl("slackSupportWebhook", form.slackSupportWebhook());
        guard.checkUrl("trelloBaseUrl", form.trelloBaseUrl());
        guard.checkUrl("githubBaseUrl", form.githubBaseUrl());
        guard.checkUrl("shortcutBaseUrl", form.shortcutBaseUrl());
        jdbc.sql("""
                update integration_settings set
                    slack_support_webhook = case when :slackSet then :slack else slack_support_webhook end,
                    trello_base_url = coalesce(:trelloBase, trello_base_url),
                    trello_key = case when :trelloKeySet then :trelloKey else trello_key end,
                    trello_token = case when :trelloTokenSet then :trelloToken else trello_token end,
                    github_base_url = coalesce(:githubBase, github_base_url),
                    github_repository = case when :repoSet then :repo else github_repository end,
                    github_token = case when :githubTokenSet then :githubToken else github_token end,
                    github_webhook_secret = case when :hookSet then :hook else github_webhook_secret end,
                    github_planning_repository = case when :planningSet then :planning else github_planning_repository end,
                    shortcut_base_url = coalesce(:shortcutBase, shortcut_base_url),
                    shortcut_token = case when :shortcutTokenSet then :shortcutToken else shortcut_token end,
                    shortcut_workflow_state_id = coalesce(:workflowState, shortcut_workflow_state_id),
                    sprint_days = coalesce(:sprintDays, sprint_days),
                    updated_at = :now
                where id = 1""")
                .param("slackSet", form.slackSupportWebhook() != null)
                .param("slack", seal(form.slackSupportWebhook()))
                .param("trelloBase", blankToNull(strip(form.trelloBaseUrl())))
                .param("trelloKeySet", form.trelloKey() != null)
                .param("trelloKey", seal(form.trelloKey()))
                .param("trelloTokenSet", form.trelloToken() != null)
                .param("trelloToken", seal(form.trelloToken()))
                .param("githubBase", blankToNull(strip(form.githubBaseUrl())))
                .param("repoSet", form.githubRepository() != null)
                .param("repo", blankToNull(form.githubRepository()))
                .param("githubTokenSet", form.githubToken() != null)
                .param("githubToken", seal(form.githubToken()))
                .param("hookSet", form.githubWebhookSecret() != null)
                .param("hook", seal(form.githubWebhookSecret()))
                .param("planningSet", form.githubPlanningRepository() != null)
                .param("planning", blankToNull(form.githubPlanningRepository()))
                .param("shortcutBase", blankToNull(strip(form.shortcutBaseUrl())))
                .param("shortcutTokenSet", form.shortcutToken() != null)
                .param("shortcutToken", seal(form.shortcutToken()))
                .param("workflowState", form.shortcutWorkflowStateId())
                .param("sprintDays", form.sprintDays())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return get();
    }

    private @Nullable String seal(@Nullable String value) {
        return value == null || value.isBlank() ? null : cipher.encrypt(value.strip());
    }

    private @Nullable String open(@Nullable String sealed) {
        return sealed == null ? null : cipher.decrypt(sealed);
    }

    private static @Nullable String strip(@Nullable String s) {
        return s == null ? null : s.strip().replaceAll("/+$", "");
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package org.firstline.integration;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.firstline.directory.TeamService;
import org.firstline.integration.internal.OutboundGuard;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.SecretCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per team, opt-in: a Slack incoming webhook (a secret: anyone holding it can post) and a Trello list. */
@Service
public class TeamChannels {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecretCipher cipher;
    private final TeamService teams;
    private final OutboundGuard guard;

    TeamChannels(JdbcClient jdbc, Clock clock, SecretCipher cipher, TeamService teams, OutboundGuard guard) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
        this.teams = teams;
        this.guard = guard;
    }

    public TeamChannel get(long teamId) {
        teams.get(teamId);
        return jdbc.sql("select slack_webhook is not null, trello_list_id from team_channel where team_id = ?")
                .param(teamId)
                .query((rs, n) -> new TeamChannel(teamId, rs.getBoolean(1), rs.getString(2)))
                .optional()
                .orElse(new TeamChannel(teamId, false, null));
    }

    /** The team's Slack webhook, decrypted, if it has one. */
    public Optional<String> slackWebhook(long teamId) {
        return jdbc.sql("select slack_webhook from team_channel where team_id = ? and slack_webhook is not null")
                .param(teamId)
                .query(String.class)
                .optional()
                .map(cipher::decrypt);
    }

    /**
     * Sets the team's destinations; null leaves one as it is, an empty string turns it off.
     */
    @Transactional
    public TeamChannel update(long teamId, @Nullable String slackWebhook, @Nullable String trelloListId) {
        teams.get(teamId);
        guard.checkUrl("slackWebhook", slackWebhook);
        if (trelloListId != null
                && !trelloListId.isBlank()
                && !trelloListId.strip().matches("[A-Za-z0-9]{1,64}")) {
            throw new InvalidRequestException("trelloListId", "must be a Trello list id (letters and digits)");
        }
        jdbc.sql("""
                insert into team_channel (team_id, slack_webhook, trello_list_id, updated_at) values (:team, :slack, :trello, :now)
                on conflict (team_id) do update set
                    slack_webhook = case when :slackSet then excluded.slack_webhook else team_channel.slack_webhook end,
                    trello_list_id = case when :trelloSet then excluded.trello_list_id else team_channel.trello_list_id end,
                    updated_at = excluded.updated_at""")
                .param("team", teamId)
                .param(
                        "slack",
                        slackWebhook == null || slackWebhook.isBlank() ? null : cipher.encrypt(slackWebhook.strip()))
                .param("slackSet", slackWebhook != null)
                .param("trello", trelloListId == null || trelloListId.isBlank() ? null : trelloListId.strip())
                .param("trelloSet", trelloListId != null)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return get(teamId);
    }
}

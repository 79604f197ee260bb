package org.firstline.oncall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.firstline.directory.OrganizationService;
import org.firstline.directory.TeamService;
import org.firstline.oncall.internal.AlertSourceTokens;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.LinkTokens;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitoring systems allowed to send alerts, each with a token of its own (only its SHA-256 is stored; the token
 * is shown once). A source's alerts belong to its team and, if set, its service and organization. A deleted source's
 * alerts stay; its token stops working.
 */
@Service
public class AlertSources {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TeamService teams;
    private final OrganizationService organizations;
    private final AlertSourceTokens tokens;

    AlertSources(
            JdbcClient jdbc,
            Clock clock,
            TeamService teams,
            OrganizationService organizations,
            AlertSourceTokens tokens) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.teams = teams;
        this.organizations = organizations;
        this.tokens = tokens;
    }

    public List<AlertSourceView> list() {
        return jdbc.sql("select * from alert_source where deleted_at is null order by lower(name)")
                .query(AlertSources::row)
                .list();
    }

    public AlertSourceView get(long id) {
        return jdbc.sql("select * from alert_source where id = ? and deleted_at is null")
                .param(id)
                .query(AlertSources::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("Alert source " + id + " does not exist."));
    }

    @Transactional
    public CreatedAlertSource create(AlertSourceForm form) {
        Checked checked = check(form);
        String token = "fla_" + LinkTokens.token();
        Instant now = clock.instant();
        try {
            long id = jdbc.sql("""
                            insert into alert_source (name, kind, token_hash, team_id, service_id, organization_id,
                                                      calendar_id, escalation_policy_id, heartbeat_interval_seconds,
                                                      heartbeat_due_at, created_at)
                            values (:name, :kind, :hash, :team, :service, :organization, :calendar, :policy, :interval,
                                    :due, :now)
                            returning id""")
                    .param("name", form.name().strip())
                    .param("kind", form.kind().name())
                    .param("hash", LinkTokens.hash(token))
                    .param("team", form.teamId())
                    .param("service", form.serviceId(), java.sql.Types.BIGINT)
                    .param("organization", checked.organizationId(), java.sql.Types.BIGINT)
                    .param("calendar", form.calendarId(), java.sql.Types.BIGINT)
                    .param("policy", form.escalationPolicyId(), java.sql.Types.BIGINT)
                    .param("interval", checked.interval(), java.sql.Types.INTEGER)
                    // a monitor that never pings is late one interval after it was set up
                    .param(
                            "due",
                            checked.interval() == null ? null : Timestamp.from(now.plusSeconds(checked.interval())),
                            java.sql.Types.TIMESTAMP)
                    .param("now", Timestamp.from(now))
                    .query(Long.class)
                    .single();
            return new CreatedAlertSource(get(id), token);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "There is already an alert source named " + form.name().strip() + ".");
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new InvalidRequestException("calendarId", "is not a business calendar");
        }
    }

    @Transactional
    public AlertSourceView update(long id, AlertSourceForm form) {
        AlertSourceView existing = get(id);
        if (existing.kind() != form.kind())
            throw new InvalidRequestException("kind", "cannot change; make a new source");
        Checked checked = check(form);
        try {
            jdbc.sql("""
                            update alert_source set name = :name, team_id = :team, service_id = :service,
                                   organization_id = :organization, calendar_id = :calendar, escalation_policy_id = :policy,
                                   heartbeat_interval_seconds = :interval
                            where id = :id""")
                    .param("name", form.name().strip())
                    .param("team", form.teamId())
                    .param("service", form.serviceId(), java.sql.Types.BIGINT)
                    .param("organization", checked.organizationId(), java.sql.Types.BIGINT)
                    .param("calendar", form.calendarId(), java.sql.Types.BIGINT)
                    .param("policy", form.escalationPolicyId(), java.sql.Types.BIGINT)
                    .param("interval", checked.interval(), java.sql.Types.INTEGER)
                    .param("id", id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "There is already an alert source named " + form.name().strip() + ".");
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new InvalidRequestException("calendarId", "is not a business calendar");
        }
        tokens.forget();
        return get(id);
    }

    /** A new token; the old one stops working (on other nodes within a few seconds). */
    @Transactional
    public CreatedAlertSource rotate(long id) {
        get(id);
        String token = "fla_" + LinkTokens.token();
        jdbc.sql("update alert_source set token_hash = ? where id = ?")
                .params(LinkTokens.hash(token), id)
                .update();
        tokens.forget();
        return new CreatedAlertSource(get(id), token);
    }

    @Transactional
    public void delete(long id) {
        get(id);
        jdbc.sql("update alert_source set deleted_at = ?, heartbeat_due_at = null where id = ?")
                .params(Timestamp.from(clock.instant()), id)
                .update();
        tokens.forget();
    }

    private record Checked(
            @Nullable Long organizationId, @Nullable Integer interval) {}

    private Checked check(AlertSourceForm form) {
        // the pages post without bean validation: the same rules here, so each refusal names its own field
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) throw new InvalidRequestException("name", "is required");
        if (name.length() > 100) throw new InvalidRequestException("name", "must be at most 100 characters");
        Integer every = form.heartbeatIntervalSeconds();
        if (every != null && (every < 10 || every > 2_678_400)) {
            throw new InvalidRequestException("heartbeatIntervalSeconds", "must be between 10 seconds and 31 days");
        }
        Long policy = form.escalationPolicyId();
        if (policy != null
                && !jdbc.sql("select exists (select 1 from escalation_policy where id = ?)")
                        .param(policy)
                        .query(Boolean.class)
                        .single()) {
            throw new InvalidRequestException("escalationPolicyId", "is not an escalation policy");
        }
        if (teams.find(form.teamId()).isEmpty()) throw new InvalidRequestException("teamId", "is not a team");
        Long organization = form.organizationId();
        if (organization != null && organizations.find(organization).isEmpty()) {
            throw new InvalidRequestException("organizationId", "is not an organization");
        }
        if (form.serviceId() != null) {
            var service = organizations
                    .service(form.serviceId())
                    .orElseThrow(() -> new InvalidRequestException("serviceId", "is not a service"));
            if (organization != null && organization != service.organizationId()) {
                throw new InvalidRequestException("serviceId", "belongs to another organization");
            }
            organization = service.organizationId();
        }
        boolean heartbeat = form.kind() == AlertSourceKind.HEARTBEAT;
        if (heartbeat && form.heartbeatIntervalSeconds() == null) {
            throw new InvalidRequestException("heartbeatIntervalSeconds", "is required for a heartbeat monitor");
        }
        return new Checked(organization, heartbeat ? form.heartbeatIntervalSeconds() : null);
    }

    static AlertSourceView row(ResultSet rs, int n) throws SQLException {
        return new AlertSourceView(
                rs.getLong("id"),
                rs.getString("name"),
                AlertSourceKind.valueOf(rs.getString("kind")),
                rs.getLong("team_id"),
                rs.getObject("service_id", Long.class),
                rs.getObject("organization_id", Long.class),
                rs.getObject("calendar_id", Long.class),
                rs.getObject("escalation_policy_id", Long.class),
                rs.getObject("heartbeat_interval_seconds", Integer.class),
                instant(rs.getTimestamp("last_ping_at")),
                instant(rs.getTimestamp("heartbeat_due_at")),
                rs.getTimestamp("created_at").toInstant());
    }

    static java.time.@Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}

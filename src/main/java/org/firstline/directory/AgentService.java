package org.firstline.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.firstline.platform.AgentAccounts;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AgentRole;
import org.firstline.platform.AgentSessions;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Contract;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agents: the people who answer tickets, with their role, time zone, signature, skills and teams. */
@Service
public class AgentService implements AgentAccounts {
    private static final String SELECT = """
            select a.*,
                   (select array_agg(tm.team_id order by tm.team_id) from team_member tm where tm.agent_id = a.id) as team_ids,
                   (select array_agg(s.name order by s.name) from agent_skill ags join skill s on s.id = ags.skill_id
                     where ags.agent_id = a.id) as skills
            from agent a
            """;

    /** The reserved row Firstline's own processes act as. */
    private static final String SYSTEM_USERNAME = "firstline";

    /** The system agent's row never changes once migrated; processes ask for it for every message. */
    private volatile @Nullable AgentPrincipal systemRow;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;
    private final PasswordEncoder passwords;
    private final AgentSessions sessions;

    AgentService(JdbcClient jdbc, Clock clock, AuditStamp audit, PasswordEncoder passwords, AgentSessions sessions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    public List<AgentView> list() {
        return jdbc.sql(SELECT + " where a.username <> '" + SYSTEM_USERNAME + "' order by a.display_name")
                .query(AgentService::agent)
                .list();
    }

    public AgentView get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Agent " + id + " does not exist."));
    }

    public Optional<AgentView> find(long id) {
        return jdbc.sql(SELECT + " where a.id = ?")
                .param(id)
                .query(AgentService::agent)
                .optional();
    }

    /**
     * Firstline itself acting as {@code process} (e.g. "email"): the system agent's row, which cannot sign in, under
     * the audit name "system:process".
     */
    public AgentPrincipal system(String process) {
        AgentPrincipal row = systemRow;
        if (row == null) {
            row = principal(SYSTEM_USERNAME).orElseThrow();
            systemRow = row;
        }
        return new AgentPrincipal(
                row.id(), "system:" + process, row.displayName(), row.role(), row.timeZone(), "!", false);
    }

    public Optional<AgentPrincipal> principal(String username) {
        return jdbc.sql("select * from agent where username = ?")
                .param(username)
                .query((rs, n) -> principal(rs))
                .optional();
    }

    @Override
    public Optional<AgentPrincipal> principal(long id) {
        return jdbc.sql("select * from agent where id = ?")
                .param(id)
                .query((rs, n) -> principal(rs))
                .optional();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from agent where username = ?")
                        .param(username)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @Transactional
    public AgentView create(AgentForm form) {
        audit.stampCurrentActor();
        require(form.username(), "username");
        require(form.displayName(), "displayName");
        require(form.email(), "email");
        require(form.password(), "password");
        if (form.role() == null) {
            throw new InvalidRequestException("role", "is required");
        }
        try {
            long id = jdbc.sql("""
                    insert into agent (username, display_name, email, password_hash, role, time_zone, signature,
                                       capacity_hours, active, created_at)
                    values (:username, :name, :email, :hash, :role, :zone, :signature, :capacity, :active, :now) returning id""")
                    .param("username", form.username())
                    .param("name", form.displayName().trim())
                    .param("email", form.email().trim().toLowerCase(Locale.ROOT))
                    .param("hash", passwords.encode(form.password()))
                    .param("role", form.role().name())
                    .param("zone", zone(form.timeZone() == null ? "UTC" : form.timeZone()))
                    .param("signature", form.signature() == null ? "" : form.signature())
                    .param("capacity", form.capacityHours() == null ? 30 : form.capacityHours())
                    .param("active", form.active() == null || form.active())
                    .param("now", Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
            if (form.skills() != null) {
                replaceSkills(id, form.skills());
            }
            return get(id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("The username '" + form.username() + "' is taken.");
        }
    }

    @Transactional
    public AgentView update(long id, AgentForm form) {
        audit.stampCurrentActor();
        var current = get(id);
        if (form.username() != null && !form.username().equals(current.username())) {
            throw new InvalidRequestException("username", "cannot be changed");
        }
        jdbc.sql("""
                update agent set display_name = :name, email = :email, role = :role, time_zone = :zone,
                       signature = :signature, capacity_hours = :capacity, active = :active where id = :id""")
                .param("id", id)
                .param(
                        "name",
                        form.displayName() == null
                                ? current.displayName()
                                : form.displayName().trim())
                .param(
                        "email",
                        form.email() == null
                                ? current.email()
                                : form.email().trim().toLowerCase(Locale.ROOT))
                .param("role", (form.role() == null ? current.role() : form.role()).name())
                .param("zone", form.timeZone() == null ? current.timeZone() : zone(form.timeZone()))
                .param("signature", form.signature() == null ? current.signature() : form.signature())
                .param("capacity", form.capacityHours() == null ? current.capacityHours() : form.capacityHours())
                .param("active", form.active() == null ? current.active() : form.active())
                .update();
        if (form.password() != null) {
            changePassword(id, form.password());
        }
        if (form.skills() != null) {
            replaceSkills(id, form.skills());
        }
        if (current.active() && Boolean.FALSE.equals(form.active())) {
            sessions.endAll(current.username());
        }
        return get(id);
    }

    @Transactional
    public void changePassword(long id, String password) {
        changePassword(id, password, null);
    }

    /** A new password signs the agent out of every other session: whoever had the old one loses what it opened. */
    @Transactional
    public void changePassword(long id, String password, @Nullable String keptSessionId) {
        audit.stampCurrentActor();
        if (password == null || password.length() < 12) {
            throw new InvalidRequestException("password", "must be at least 12 characters");
        }
        jdbc.sql("update agent set password_hash = ? where id = ?")
                .params(passwords.encode(password), id)
                .update();
        sessions.endAllBut(get(id).username(), keptSessionId);
    }

    private void replaceSkills(long agentId, List<String> skills) {
        jdbc.sql("delete from agent_skill where agent_id = ?").param(agentId).update();
        for (String skill : skills.stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(String::toLowerCase)
                .distinct()
                .toList()) {
            long skillId = jdbc.sql("""
                    with found as (select id from skill where name = :name),
                         made as (insert into skill (name) select :name where not exists (select 1 from found)
                                  on conflict (name) do nothing returning id)
                    select id from found union all select id from made union all select id from skill where name = :name
                    limit 1""").param("name", skill).query(Long.class).single();
            jdbc.sql("insert into agent_skill (agent_id, skill_id) values (?, ?) on conflict do nothing")
                    .params(agentId, skillId)
                    .update();
        }
    }

    @Contract("null, _ -> fail")
    private static void require(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required");
        }
    }

    private static String zone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw new InvalidRequestException(
                    "timeZone", "'" + zone + "' is not a time zone (use an IANA name like Europe/London)");
        }
    }

    static AgentPrincipal principal(ResultSet rs) throws SQLException {
        return new AgentPrincipal(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                AgentRole.valueOf(rs.getString("role")),
                rs.getString("time_zone"),
                rs.getString("password_hash"),
                rs.getBoolean("active"));
    }

    private static AgentView agent(ResultSet rs, int n) throws SQLException {
        var teamArray = rs.getArray("team_ids");
        List<Long> teams = teamArray == null ? List.of() : Arrays.asList((Long[]) teamArray.getArray());
        return new AgentView(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                AgentRole.valueOf(rs.getString("role")),
                rs.getString("time_zone"),
                rs.getString("signature"),
                rs.getInt("capacity_hours"),
                rs.getBoolean("active"),
                teams,
                OrganizationService.strings(rs.getArray("skills")),
                rs.getTimestamp("created_at").toInstant());
    }
}

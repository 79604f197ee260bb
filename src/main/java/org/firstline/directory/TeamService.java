package org.firstline.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams and who is in them. */
@Service
public class TeamService {
    private static final String SELECT = """
            select t.*, (select array_agg(tm.agent_id order by tm.agent_id) from team_member tm where tm.team_id = t.id) as members
            from team t
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;

    TeamService(JdbcClient jdbc, Clock clock, AuditStamp audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public List<TeamView> list() {
        return jdbc.sql(SELECT + " order by t.name").query(TeamService::team).list();
    }

    public TeamView get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Team " + id + " does not exist."));
    }

    public Optional<TeamView> find(long id) {
        return jdbc.sql(SELECT + " where t.id = ?")
                .param(id)
                .query(TeamService::team)
                .optional();
    }

    @Transactional
    public TeamView create(TeamForm form) {
        audit.stampCurrentActor();
        if (form.name() == null || form.name().isBlank()) {
            throw new InvalidRequestException("name", "is required");
        }
        try {
            long id = jdbc.sql("insert into team (name, description, created_at) values (?, ?, ?) returning id")
                    .params(
                            form.name().trim(),
                            form.description() == null ? "" : form.description(),
                            Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
            if (form.memberIds() != null) {
                replaceMembers(id, form.memberIds());
            }
            return get(id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A team named '" + form.name().trim() + "' already exists.");
        }
    }

    @Transactional
    public TeamView update(long id, TeamForm form) {
        audit.stampCurrentActor();
        var current = get(id);
        try {
            jdbc.sql("update team set name = ?, description = ? where id = ?")
                    .params(
                            form.name() == null ? current.name() : form.name().trim(),
                            form.description() == null ? current.description() : form.description(),
                            id)
                    .update();
        } catch (DuplicateKeyException e) {
            // only a new name can collide
            throw new ConflictException(
                    "A team named '" + Objects.requireNonNull(form.name()).trim() + "' already exists.");
        }
        if (form.memberIds() != null) {
            replaceMembers(id, form.memberIds());
        }
        return get(id);
    }

    private void replaceMembers(long teamId, List<Long> agentIds) {
        jdbc.sql("delete from team_member where team_id = ?").param(teamId).update();
        for (Long agentId : agentIds.stream().distinct().toList()) {
            if (jdbc.sql("select count(*) from agent where id = ?")
                            .param(agentId)
                            .query(Integer.class)
                            .single()
                    == 0) {
                throw new InvalidRequestException("memberIds", "no agent with id " + agentId);
            }
            jdbc.sql("insert into team_member (team_id, agent_id) values (?, ?)")
                    .params(teamId, agentId)
                    .update();
        }
    }

    private static TeamView team(ResultSet rs, int n) throws SQLException {
        var members = rs.getArray("members");
        return new TeamView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                members == null ? List.of() : Arrays.asList((Long[]) members.getArray()));
    }
}

package org.firstline.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parts of the service the status page names, and the page's own name. Admins keep the list; anyone working an
 * incident may move a component's status. Every change tells the {@link StatusBoard} in the same transaction.
 */
@Service
public class StatusComponents {
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StatusBoard board;

    StatusComponents(JdbcClient jdbc, Clock clock, StatusBoard board) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.board = board;
    }

    public List<ComponentView> list(boolean withArchived) {
        return jdbc.sql("select * from status_component"
                        + (withArchived ? "" : " where archived_at is null")
                        + " order by archived_at nulls first, group_name nulls first, position, lower(name)")
                .query(StatusComponents::view)
                .list();
    }

    public ComponentView get(long id) {
        return jdbc.sql("select * from status_component where id = ?")
                .param(id)
                .query(StatusComponents::view)
                .optional()
                .orElseThrow(() -> new NotFoundException("Component " + id + " does not exist."));
    }

    @Transactional
    public ComponentView create(ComponentForm form) {
        String name = name(form.name());
        if (name == null) throw new InvalidRequestException("name", "is required");
        try {
            long id = jdbc.sql("""
                            insert into status_component (name, description, group_name, position, status, updated_at)
                            values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            name,
                            description(form.description()),
                            group(form.group()),
                            form.position() == null ? 0 : position(form.position()),
                            (form.status() == null ? ComponentStatus.OPERATIONAL : form.status()).name(),
                            Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
            board.changed();
            return get(id);
        } catch (DuplicateKeyException e) {
            throw duplicate(name);
        }
    }

    @Transactional
    public ComponentView update(long id, ComponentForm form) {
        var current = get(id);
        if (current.archivedAt() != null) throw new ConflictException("Component " + id + " is archived.");
        String name = form.name() == null ? current.name() : name(form.name());
        if (name == null) throw new InvalidRequestException("name", "must not be blank");
        try {
            jdbc.sql("""
                            update status_component set name = ?, description = ?, group_name = ?, position = ?,
                                   status = ?, updated_at = ? where id = ?""")
                    .params(
                            name,
                            form.description() == null ? current.description() : description(form.description()),
                            form.group() == null ? current.group() : group(form.group()),
                            form.position() == null ? current.position() : position(form.position()),
                            (form.status() == null ? current.status() : form.status()).name(),
                            Timestamp.from(clock.instant()),
                            id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate(name);
        }
        board.changed();
        return get(id);
    }

    /** What an agent does during an incident: only the status moves. */
    @Transactional
    public ComponentView changeStatus(long id, ComponentStatus status) {
        return update(id, new ComponentForm(null, null, null, null, status));
    }

    /** Off the page and out of the lists; incidents and maintenance that named it keep their history. */
    @Transactional
    public ComponentView archive(long id) {
        var current = get(id);
        if (current.archivedAt() == null) {
            Instant now = clock.instant();
            jdbc.sql("update status_component set archived_at = ?, updated_at = ? where id = ?")
                    .params(Timestamp.from(now), Timestamp.from(now), id)
                    .update();
            board.changed();
        }
        return get(id);
    }

    public String pageName() {
        return jdbc.sql("select name from status_page").query(String.class).single();
    }

    @Transactional
    public String renamePage(@Nullable String name) {
        String stripped = name(name);
        if (stripped == null) throw new InvalidRequestException("name", "is required");
        jdbc.sql("update status_page set name = ?, updated_at = ?")
                .params(stripped, Timestamp.from(clock.instant()))
                .update();
        board.changed();
        return stripped;
    }

    /** Existing, not archived components; any other id is named back to the caller. */
    void requireActive(List<Long> ids) {
        for (Long id : ids) {
            if (id == null) throw new InvalidRequestException("componentIds", "must not contain null");
            boolean active = jdbc.sql("select count(*) from status_component where id = ? and archived_at is null")
                            .param(id)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!active) throw new InvalidRequestException("componentIds", "component " + id + " does not exist");
        }
    }

    private static ConflictException duplicate(String name) {
        return new ConflictException("A component named '" + name + "' already exists.");
    }

    private static @Nullable String name(@Nullable String name) {
        if (name == null || name.isBlank()) return null;
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME) {
            throw new InvalidRequestException("name", "must be at most " + MAX_NAME + " characters");
        }
        return stripped;
    }

    /** The order within its group, from 0; there is nothing before the first place. */
    private static int position(int position) {
        if (position < 0) throw new InvalidRequestException("position", "must be 0 or more");
        return position;
    }

    private static @Nullable String description(@Nullable String description) {
        if (description == null || description.isBlank()) return null;
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidRequestException("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        return description.strip();
    }

    private static @Nullable String group(@Nullable String group) {
        if (group == null || group.isBlank()) return null;
        if (group.strip().length() > MAX_NAME) {
            throw new InvalidRequestException("group", "must be at most " + MAX_NAME + " characters");
        }
        return group.strip();
    }

    private static ComponentView view(ResultSet rs, int n) throws SQLException {
        var archived = rs.getTimestamp("archived_at");
        return new ComponentView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("group_name"),
                rs.getInt("position"),
                ComponentStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("updated_at").toInstant(),
                archived == null ? null : archived.toInstant());
    }
}

package org.firstline.ticket;

import static org.firstline.ticket.internal.TicketRows.timestamp;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saved views: the shared ones first, then the agent's own. */
@Service
public class SavedViewService {
    private final JdbcClient jdbc;
    private final Clock clock;

    SavedViewService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<SavedView> visibleTo(long agentId) {
        return jdbc.sql("""
                select id, name, owner_id, query from saved_view
                where owner_id is null or owner_id = ? order by owner_id nulls first, position, name""")
                .param(agentId)
                .query((rs, n) ->
                        new SavedView(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getString(4)))
                .list();
    }

    public Optional<SavedView> find(long id, long agentId) {
        return visibleTo(agentId).stream().filter(v -> v.id() == id).findFirst();
    }

    /** Saves a filter; only admins may share one with everybody. */
    @Transactional
    public SavedView save(String name, String query, boolean shared, AgentPrincipal agent) {
        if (name == null || name.isBlank() || name.length() > 60) {
            throw new InvalidRequestException("name", "must be 1 to 60 characters");
        }
        if (shared && !agent.isAdmin()) {
            throw new AccessDeniedException("Only admins may share views.");
        }
        String clean = query == null
                ? ""
                : query.replaceAll("(^|&)(cursor|view)=[^&]*", "").replaceAll("^&", "");
        long id = jdbc.sql(
                        "insert into saved_view (name, owner_id, query, created_at) values (?, ?, ?, ?) returning id")
                .params(name.strip(), shared ? null : agent.id(), clean, timestamp(clock.instant()))
                .query(Long.class)
                .single();
        return new SavedView(id, name.strip(), shared ? null : agent.id(), clean);
    }

    @Transactional
    public void delete(long id, AgentPrincipal agent) {
        var view = find(id, agent.id()).orElseThrow(() -> new NotFoundException("View " + id + " does not exist."));
        if (view.shared() && !agent.isAdmin()) {
            throw new AccessDeniedException("Only admins may delete shared views.");
        }
        jdbc.sql("delete from saved_view where id = ?").param(id).update();
    }
}

package org.firstline.rota;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.firstline.directory.Designation;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.rota.internal.FormCheck;
import org.firstline.rota.internal.RotaChanges;
import org.firstline.rota.internal.RotaReferences;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overrides of a rotation's plan for a time range: add, remove or replace a person. Changing a published rota sooner
 * than its notice period is allowed, with a warning; the people are told either way.
 */
@Service
public class RotaOverrides {
    private final JdbcClient jdbc;
    private final Rotations rotations;
    private final RotaReferences refs;
    private final RotaChanges changes;

    RotaOverrides(JdbcClient jdbc, Rotations rotations, RotaReferences refs, RotaChanges changes) {
        this.jdbc = jdbc;
        this.rotations = rotations;
        this.refs = refs;
        this.changes = changes;
    }

    public List<OverrideView> list(long rotationId) {
        rotations.get(rotationId);
        return jdbc.sql(SELECT + " where o.rotation_id = ? and o.ends_at > ? order by o.starts_at, o.id")
                .params(rotationId, Timestamp.from(refs.now().minus(java.time.Duration.ofDays(30))))
                .query((rs, n) -> view(rs))
                .list();
    }

    @Transactional
    public Notice<OverrideView> add(long rotationId, OverrideForm form) {
        var rotation = rotations.get(rotationId);
        String role = Rotations.role(rotation, "role", form.role());
        Instant starts = FormCheck.instant("startsAt", form.startsAt());
        Instant ends = FormCheck.instant("endsAt", form.endsAt());
        if (!ends.isAfter(starts)) throw new InvalidRequestException("endsAt", "must be after startsAt");
        if (!ends.isAfter(refs.now())) throw new InvalidRequestException("endsAt", "is in the past");
        if (form.removedAgentId() == null && form.addedAgentId() == null) {
            throw new InvalidRequestException("addedAgentId", "name someone to add, remove or both");
        }
        Long removed = form.removedAgentId() == null
                ? null
                : refs.agent("removedAgentId", form.removedAgentId()).id();
        Long added = form.addedAgentId() == null
                ? null
                : refs.agent("addedAgentId", form.addedAgentId()).id();
        if (added != null && added.equals(removed)) {
            throw new InvalidRequestException("addedAgentId", "is the person being removed");
        }
        if (added != null && rotation.duty() == Duty.ON_CALL && !refs.has(added, Designation.CLEARED_FOR_ON_CALL)) {
            throw new InvalidRequestException("addedAgentId", refs.agentName(added) + " is not cleared for on call");
        }
        long id = insert(rotationId, role, starts, ends, removed, added, null);
        var people = new ArrayList<Long>();
        if (removed != null) people.add(removed);
        if (added != null) people.add(added);
        var warnings = new ArrayList<String>();
        if (changes.changed(rotation, "override", people, starts)) {
            warnings.add("This takes effect with less than the rota's " + rotation.noticeDays() + " days' notice.");
        }
        if (added != null) {
            boolean away = jdbc.sql(
                            "select exists (select 1 from out_of_office where agent_id = ? and starts_at < ? and ends_at > ?)")
                    .params(added, Timestamp.from(ends), Timestamp.from(starts))
                    .query(Boolean.class)
                    .single();
            if (away) warnings.add(refs.agentName(added) + " is out of office during part of this time.");
        }
        return new Notice<>(get(id), warnings);
    }

    /** Inserts an override row; approved swaps use it too. */
    long insert(
            long rotationId,
            String role,
            Instant starts,
            Instant ends,
            @Nullable Long removed,
            @Nullable Long added,
            @Nullable Long swapId) {
        refs.stampAudit();
        return jdbc.sql("""
                insert into rota_override (rotation_id, role, starts_at, ends_at, removed_agent_id, added_agent_id, swap_id,
                                           created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        rotationId,
                        role,
                        Timestamp.from(starts),
                        Timestamp.from(ends),
                        removed,
                        added,
                        swapId,
                        refs.actor(),
                        Timestamp.from(refs.now()))
                .query(Long.class)
                .single();
    }

    @Transactional
    public void delete(long rotationId, long overrideId) {
        var found = get(overrideId);
        if (found.rotationId() != rotationId)
            throw new NotFoundException("Override " + overrideId + " does not exist.");
        refs.stampAudit();
        jdbc.sql("delete from rota_override where id = ?").param(overrideId).update();
        var people = new ArrayList<Long>();
        if (found.removedAgentId() != null) people.add(found.removedAgentId());
        if (found.addedAgentId() != null) people.add(found.addedAgentId());
        Instant effect = found.startsAt().isAfter(refs.now()) ? found.startsAt() : refs.now();
        changes.changed(rotations.get(rotationId), "override withdrawn", people, effect);
    }

    public OverrideView get(long id) {
        return jdbc.sql(SELECT + " where o.id = ?")
                .param(id)
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("Override " + id + " does not exist."));
    }

    private static final String SELECT = """
            select o.id, o.rotation_id, o.role, o.starts_at, o.ends_at, o.removed_agent_id, r.display_name,
                   o.added_agent_id, a.display_name, o.swap_id, o.created_by
            from rota_override o left join agent r on r.id = o.removed_agent_id left join agent a on a.id = o.added_agent_id""";

    private static OverrideView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OverrideView(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant(),
                rs.getObject(6, Long.class),
                rs.getString(7),
                rs.getObject(8, Long.class),
                rs.getString(9),
                rs.getObject(10, Long.class),
                rs.getString(11));
    }
}

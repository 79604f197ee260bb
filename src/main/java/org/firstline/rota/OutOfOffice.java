package org.firstline.rota;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.rota.internal.FormCheck;
import org.firstline.rota.internal.RotaChanges;
import org.firstline.rota.internal.RotaReferences;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Out-of-office per person. While away a person is on no rota; an absence entered after a rota was published that
 * leaves one of its slots with nobody raises an alert on the rota and a {@link RotaSlotEmptied} event.
 */
@Service
public class OutOfOffice {
    private final JdbcClient jdbc;
    private final RotaReferences refs;
    private final ApplicationEventPublisher events;

    OutOfOffice(JdbcClient jdbc, RotaReferences refs, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.refs = refs;
        this.events = events;
    }

    @Transactional
    public Notice<AbsenceView> add(
            long agentId, @Nullable String startsAt, @Nullable String endsAt, @Nullable String reason) {
        var agent = refs.agent("agentId", agentId);
        Instant starts = FormCheck.instant("startsAt", startsAt);
        Instant ends = FormCheck.instant("endsAt", endsAt);
        if (!ends.isAfter(starts)) throw new InvalidRequestException("endsAt", "must be after startsAt");
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 500) throw new InvalidRequestException("reason", "is longer than 500 characters");
        refs.stampAudit();
        long id = jdbc.sql(
                        "insert into out_of_office (agent_id, starts_at, ends_at, reason, created_at) values (?, ?, ?, ?, ?) returning id")
                .params(agent.id(), Timestamp.from(starts), Timestamp.from(ends), why, Timestamp.from(refs.now()))
                .query(Long.class)
                .single();
        var warnings = new ArrayList<String>();
        if (RotaChanges.shortPersonalNotice(refs.now(), starts)) {
            warnings.add("Less than two weeks' notice: the rotas you are on may not find cover in time.");
        }
        for (var emptied : emptied(id, agent.id(), starts, ends)) {
            jdbc.sql(
                            "insert into rota_alert (rotation_id, shift_id, agent_id, out_of_office_id, raised_at) values (?, ?, ?, ?, ?)")
                    .params(emptied.rotationId(), emptied.shiftId(), agent.id(), id, Timestamp.from(refs.now()))
                    .update();
            events.publishEvent(emptied);
            warnings.add("Nobody is left on " + emptied.rotationName()
                    + (emptied.role().isEmpty() ? "" : " as " + emptied.role()) + " for part of the shift from "
                    + emptied.startsAt() + ": its planners are told.");
        }
        return new Notice<>(get(id), warnings);
    }

    /** The published shifts the person was planned on, overlapping the absence, that nobody else covers. */
    private List<RotaSlotEmptied> emptied(long absenceId, long agentId, Instant starts, Instant ends) {
        return jdbc.sql("""
                select r.id, r.name, s.id, s.role, s.starts_at, s.ends_at from rota_shift s
                join rotation r on r.id = s.rotation_id and r.published_at is not null
                where s.agent_id = :agent and s.starts_at < :ends and s.ends_at > :starts and s.ends_at > :now
                  and not exists (select 1 from rota_override o where o.rotation_id = s.rotation_id and o.role = s.role
                                  and o.added_agent_id is not null and o.added_agent_id <> :agent
                                  and o.starts_at <= greatest(s.starts_at, :starts) and o.ends_at >= least(s.ends_at, :ends))
                  and not exists (select 1 from rota_override o where o.rotation_id = s.rotation_id and o.role = s.role
                                  and o.removed_agent_id = :agent and o.added_agent_id is not null
                                  and o.starts_at <= s.starts_at and o.ends_at >= s.ends_at)
                order by s.starts_at""")
                .param("agent", agentId)
                .param("starts", Timestamp.from(starts))
                .param("ends", Timestamp.from(ends))
                .param("now", Timestamp.from(refs.now()))
                .query((rs, n) -> new RotaSlotEmptied(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        agentId,
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    public List<AbsenceView> of(long agentId) {
        return jdbc.sql(SELECT + " where o.agent_id = ? and o.ends_at > ? order by o.starts_at")
                .params(agentId, Timestamp.from(refs.now()))
                .query((rs, n) -> view(rs))
                .list();
    }

    public AbsenceView get(long id) {
        return jdbc.sql(SELECT + " where o.id = ?")
                .param(id)
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("Out-of-office " + id + " does not exist."));
    }

    @Transactional
    public void delete(long id) {
        get(id);
        refs.stampAudit();
        jdbc.sql("delete from out_of_office where id = ?").param(id).update();
    }

    /** Planners dismiss an emptied-slot alert once they found cover. */
    @Transactional
    public void dismissAlert(long rotationId, long shiftId) {
        jdbc.sql("update rota_alert set cleared_at = ? where rotation_id = ? and shift_id = ? and cleared_at is null")
                .params(Timestamp.from(refs.now()), rotationId, shiftId)
                .update();
    }

    private static final String SELECT = """
            select o.id, o.agent_id, a.display_name, o.starts_at, o.ends_at, o.reason
            from out_of_office o join agent a on a.id = o.agent_id""";

    private static AbsenceView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AbsenceView(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant(),
                rs.getString(6));
    }
}

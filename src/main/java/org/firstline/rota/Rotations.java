package org.firstline.rota;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.firstline.directory.Designation;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.rota.internal.FormCheck;
import org.firstline.rota.internal.RotaChanges;
import org.firstline.rota.internal.RotaReferences;
import org.firstline.rota.internal.RotationRows;
import org.firstline.rota.internal.ShiftPlanner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rotations: their settings, members in turn order and the planned shifts, stored months ahead. */
@Service
public class Rotations {
    private final JdbcClient jdbc;
    private final RotationRows rows;
    private final ShiftPlanner planner;
    private final RotaReferences refs;
    private final RotaChanges changes;

    Rotations(JdbcClient jdbc, RotationRows rows, ShiftPlanner planner, RotaReferences refs, RotaChanges changes) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.planner = planner;
        this.refs = refs;
        this.changes = changes;
    }

    public RotationView get(long id) {
        return rows.find(id).orElseThrow(() -> new NotFoundException("Rotation " + id + " does not exist."));
    }

    public List<RotationView> list() {
        return rows.ids().stream().map(this::get).toList();
    }

    @Transactional
    public RotationView create(RotationForm form) {
        var values = Values.of(form, refs);
        refs.stampAudit();
        long id = jdbc.sql("""
                insert into rotation (name, team_id, duty, handoff_day, handoff_time, time_zone, shift_days, roles,
                                      calendar_id, anchor_date, notice_days, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(values.params(Timestamp.from(refs.now())))
                .query(Long.class)
                .single();
        var rotation = get(id);
        planner.extend(rotation);
        return rotation;
    }

    /** Changes the settings; shifts that have not begun are planned again (the past and the current shift stay). */
    @Transactional
    public RotationView update(long id, RotationForm form) {
        var old = get(id);
        var values = Values.of(form, refs);
        Set<String> roles = new HashSet<>(values.roles());
        for (var member : old.members()) {
            if (!roles.contains(member.role())) {
                throw new InvalidRequestException(
                        "roles", "role '" + member.role() + "' still has members; move them first");
            }
        }
        refs.stampAudit();
        var params = new ArrayList<>(java.util.Arrays.asList(values.params(Timestamp.from(refs.now()))));
        params.removeLast();
        params.add(id);
        jdbc.sql("""
                update rotation set name = ?, team_id = ?, duty = ?, handoff_day = ?, handoff_time = ?, time_zone = ?,
                                    shift_days = ?, roles = ?, calendar_id = ?, anchor_date = ?, notice_days = ?
                where id = ?""").params(params).update();
        return replanned(get(id), "settings changed");
    }

    /**
     * Sets the members in turn order per role. On an on-call rotation only agents cleared for on call whose request to
     * join was approved may be scheduled; anyone may shadow.
     */
    @Transactional
    public RotationView setMembers(long id, List<MemberForm> members) {
        var rotation = get(id);
        Set<String> seen = new HashSet<>();
        Set<Long> optedIn = rotation.duty() == Duty.ON_CALL ? approvedOnCall(id) : Set.of();
        refs.stampAudit();
        jdbc.sql("delete from rotation_member where rotation_id = ?").param(id).update();
        for (int i = 0; i < members.size(); i++) {
            var member = members.get(i);
            String field = "members[" + i + "]";
            if (member == null) throw new InvalidRequestException(field, "is required");
            var agent = refs.agent(field + ".agentId", member.agentId());
            String role = role(rotation, field + ".role", member.role());
            if (!seen.add(role + "\u0000" + agent.id())) {
                throw new InvalidRequestException(
                        field + ".agentId", agent.displayName() + " is in '" + role + "' twice");
            }
            if (rotation.duty() == Duty.ON_CALL && !member.shadow()) {
                if (!refs.has(agent.id(), Designation.CLEARED_FOR_ON_CALL)) {
                    throw new InvalidRequestException(
                            field + ".agentId", agent.displayName() + " is not cleared for on call; they may shadow");
                }
                if (!optedIn.contains(agent.id())) {
                    throw new InvalidRequestException(
                            field + ".agentId",
                            agent.displayName()
                                    + " has not opted in: on call is by request, approved by the head of operations");
                }
            }
            jdbc.sql(
                            "insert into rotation_member (rotation_id, agent_id, role, position, shadow) values (?, ?, ?, ?, ?)")
                    .params(id, agent.id(), role, i, member.shadow())
                    .update();
        }
        return replanned(get(id), "members changed");
    }

    /** The stored shifts starting before {@code to} and ending after {@code from}, in time and role order. */
    public List<ShiftView> shifts(long id, Instant from, Instant to) {
        var rotation = get(id);
        return jdbc.sql("""
                select s.id, s.role, s.shift_index, s.starts_at, s.ends_at, s.agent_id, a.display_name
                from rota_shift s left join agent a on a.id = s.agent_id
                where s.rotation_id = ? and s.starts_at < ? and s.ends_at > ?
                order by s.starts_at, array_position(?::text[], s.role)""")
                .params(
                        id,
                        Timestamp.from(to),
                        Timestamp.from(from),
                        rotation.roles().toArray(String[]::new))
                .query((rs, n) -> new ShiftView(
                        rs.getLong(1),
                        id,
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(),
                        rs.getObject(6, Long.class),
                        rs.getString(7)))
                .list();
    }

    /** Stores every rotation's shifts up to its horizon; the background step calls it. Returns the rows added. */
    @Transactional
    public int extendHorizons() {
        int added = 0;
        for (long id : rows.ids()) added += planner.extend(get(id));
        return added;
    }

    public java.time.Clock clock() {
        return refs.clock();
    }

    /** The end of the rotation's planning horizon as of now. */
    public Instant horizon(long id) {
        return planner.horizon(get(id));
    }

    private RotationView replanned(RotationView rotation, String what) {
        var moved = planner.replan(rotation);
        if (!moved.isEmpty()) {
            Instant first = moved.stream()
                    .map(ShiftPlanner.Moved::startsAt)
                    .min(Instant::compareTo)
                    .orElseThrow();
            changes.changed(rotation, what, ShiftPlanner.people(moved), first);
        }
        return rotation;
    }

    private Set<Long> approvedOnCall(long id) {
        return new HashSet<>(
                jdbc.sql("select agent_id from on_call_request where rotation_id = ? and status = 'APPROVED'")
                        .param(id)
                        .query((rs, n) -> rs.getLong(1))
                        .list());
    }

    static String role(RotationView rotation, String field, @org.jspecify.annotations.Nullable String role) {
        if (role == null) {
            if (rotation.roles().size() == 1) return rotation.roles().getFirst();
            throw new InvalidRequestException(field, "is required: one of " + rotation.roles());
        }
        String r = role.strip().toLowerCase(java.util.Locale.ROOT);
        if (!rotation.roles().contains(r))
            throw new InvalidRequestException(field, "must be one of " + rotation.roles());
        return r;
    }

    private record Values(RotationForm form, Duty duty, List<String> roles, LocalDate anchor, RotaReferences refs) {
        static Values of(RotationForm form, RotaReferences refs) {
            FormCheck.name(form.name());
            Duty duty = FormCheck.duty(form.duty());
            var day = FormCheck.weekday("handoffDay", form.handoffDay());
            FormCheck.time(form.handoffTime());
            var zone = FormCheck.zone(form.timeZone());
            FormCheck.range("shiftDays", form.shiftDays(), 7, 1, 28);
            FormCheck.range("noticeDays", form.noticeDays(), 7, 0, 90);
            refs.team(form.teamId());
            refs.calendar(form.calendarId());
            LocalDate today = LocalDate.ofInstant(refs.now(), zone);
            LocalDate anchor = FormCheck.date("anchorDate", form.anchorDate(), today)
                    .with(java.time.temporal.TemporalAdjusters.nextOrSame(day));
            return new Values(form, duty, FormCheck.roles(form.roles()), anchor, refs);
        }

        Object[] params(Timestamp now) {
            return new Object[] {
                FormCheck.name(form.name()),
                form.teamId(),
                duty.name(),
                FormCheck.weekday("handoffDay", form.handoffDay()).getValue(),
                Time.valueOf(FormCheck.time(form.handoffTime())),
                FormCheck.zone(form.timeZone()).getId(),
                FormCheck.range("shiftDays", form.shiftDays(), 7, 1, 28),
                roles.toArray(String[]::new),
                form.calendarId(),
                Date.valueOf(anchor),
                FormCheck.range("noticeDays", form.noticeDays(), 7, 0, 90),
                now
            };
        }
    }
}

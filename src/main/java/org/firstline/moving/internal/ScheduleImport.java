package org.firstline.moving.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.firstline.moving.ImportReport;
import org.firstline.moving.OpsgenieExport;
import org.firstline.platform.InvalidRequestException;
import org.firstline.rota.MemberForm;
import org.firstline.rota.RotaPublishing;
import org.firstline.rota.RotationForm;
import org.firstline.rota.RotationView;
import org.firstline.rota.Rotations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Opsgenie schedules become rotas: each of a schedule's rotations one rota, handing over at the local weekday and time
 * of its start date in the schedule's zone, every {@code length} days or weeks. What has no counterpart is a warning.
 */
@Component
public class ScheduleImport {
    private final Rotations rotations;
    private final RotaPublishing publishing;
    private final org.firstline.rota.RotaOverrides overrides;
    private final Clock clock;

    ScheduleImport(
            Rotations rotations, RotaPublishing publishing, org.firstline.rota.RotaOverrides overrides, Clock clock) {
        this.rotations = rotations;
        this.publishing = publishing;
        this.overrides = overrides;
        this.clock = clock;
    }

    public List<ImportReport.Rota> schedules(ImportContext ctx, String duty, List<OpsgenieExport.Schedule> schedules) {
        var out = new ArrayList<ImportReport.Rota>();
        for (int i = 0; i < schedules.size(); i++) {
            var schedule = schedules.get(i);
            String field = "schedules[" + i + "]";
            if (schedule == null || schedule.name() == null || schedule.name().isBlank()) {
                throw new InvalidRequestException(field + ".name", "is required");
            }
            String scheduleName = schedule.name().strip();
            var zone = OpsgenieTimes.zone(field + ".timezone", schedule.timezone());
            List<OpsgenieExport.Rotation> rotationList =
                    schedule.rotations() == null ? List.of() : schedule.rotations();
            if (rotationList.isEmpty()) ctx.warn("Schedule " + scheduleName + " has no rotations: nothing to import");
            for (int r = 0; r < rotationList.size(); r++) {
                var rotation = Objects.requireNonNull(rotationList.get(r), field + ".rotations[" + r + "]");
                String rf = field + ".rotations[" + r + "]";
                String rotationName = rotation.name() == null
                        ? "Rotation " + (r + 1)
                        : rotation.name().strip();
                String name = rotationList.size() == 1 ? scheduleName : scheduleName + " — " + rotationName;
                String where = scheduleName + " / " + rotationName;
                Integer days = shiftDays(ctx, rotation, where);
                Instant start = OpsgenieTimes.instant(rf + ".startDate", rotation.startDate());
                if (days == null) continue;
                if (rotation.endDate() != null) {
                    ctx.warn(where + ": ends " + rotation.endDate() + " in Opsgenie; imported without an end");
                }
                if (rotation.timeRestriction() != null) {
                    ctx.warn(where + ": its time restriction cannot be imported; the rota covers whole shifts");
                }
                var local = start.atZone(zone);
                var members = new ArrayList<MemberForm>();
                var memberNames = new ArrayList<String>();
                var participants = rotation.participants() == null
                        ? List.<OpsgenieExport.Participant>of()
                        : rotation.participants();
                for (var p : participants) {
                    if (p == null) continue;
                    if (!"user".equals(p.type())) {
                        ctx.warn(where + ": a participant of type " + p.type() + " cannot be imported; only users");
                        continue;
                    }
                    var agent = ctx.agent(p.username(), where);
                    if (agent == null) continue;
                    members.add(new MemberForm(agent.id(), null, false));
                    memberNames.add(agent.displayName() + " <" + agent.email() + ">");
                }
                Long team = ctx.teamId(schedule.ownerTeam());
                if (schedule.ownerTeam() != null && team == null) {
                    ctx.warn(
                            where + ": no team is named " + schedule.ownerTeam().name() + ", so the rota has none");
                }
                var form = new RotationForm(
                        name,
                        team,
                        duty,
                        local.getDayOfWeek().name(),
                        local.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")),
                        zone.getId(),
                        days,
                        null,
                        null,
                        local.toLocalDate().toString(),
                        null);
                var existing = existing(name);
                String status;
                long id;
                if (existing != null) {
                    status = "exists already";
                    id = existing.id();
                } else {
                    var created = rotations.create(form);
                    rotations.setMembers(created.id(), members);
                    publishing.publish(created.id(), true);
                    status = ctx.created();
                    id = created.id();
                }
                ctx.rota(scheduleName, rotationName, id);
                ctx.rotaName(id, name);
                out.add(new ImportReport.Rota(
                        name,
                        status,
                        ctx.dryRun ? null : id,
                        scheduleName,
                        team == null
                                ? null
                                : Objects.requireNonNull(schedule.ownerTeam()).name(),
                        local.getDayOfWeek().name(),
                        Objects.requireNonNull(form.handoffTime()),
                        zone.getId(),
                        days,
                        local.toLocalDate().toString(),
                        memberNames));
            }
        }
        return out;
    }

    private static @Nullable Integer shiftDays(ImportContext ctx, OpsgenieExport.Rotation rotation, String where) {
        int length = rotation.length() == null ? 1 : rotation.length();
        String type = rotation.type() == null ? "" : rotation.type().toLowerCase(Locale.ROOT);
        int days;
        switch (type) {
            case "weekly" -> days = 7 * length;
            case "daily" -> days = length;
            default -> {
                ctx.warn(where + ": " + (type.isEmpty() ? "a rotation without a type" : type + " rotations")
                        + " cannot be imported; rotas hand over after whole days");
                return null;
            }
        }
        if (days < 1 || days > 28) {
            ctx.warn(where + ": shifts of " + days + " days cannot be imported; rotas take 1 to 28 days");
            return null;
        }
        return days;
    }

    private @Nullable RotationView existing(String name) {
        return rotations.list().stream()
                .filter(r -> r.name().equalsIgnoreCase(name))
                .findFirst()
                .orElse(null);
    }

    /** Opsgenie overrides replace whoever is on for their time; here, shift by shift. */
    public List<ImportReport.Override> overrides(ImportContext ctx, List<OpsgenieExport.Override> list) {
        var out = new ArrayList<ImportReport.Override>();
        for (int i = 0; i < list.size(); i++) {
            var o = list.get(i);
            String field = "overrides[" + i + "]";
            if (o == null || o.parent() == null || o.parent().name() == null) {
                throw new InvalidRequestException(field + "._parent.name", "is required: the schedule's name");
            }
            String schedule = o.parent().name().strip();
            Instant from = OpsgenieTimes.instant(field + ".startDate", o.startDate());
            Instant to = OpsgenieTimes.instant(field + ".endDate", o.endDate());
            if (!to.isAfter(from)) throw new InvalidRequestException(field + ".endDate", "must be after startDate");
            String where = "override of " + schedule + " from " + from;
            if (!to.isAfter(clock.instant())) {
                ctx.warn(where + ": it is over, so there is nothing to import");
                continue;
            }
            if (o.user() == null || !"user".equals(o.user().type())) {
                ctx.warn(where + ": only overrides by a user can be imported");
                continue;
            }
            var agent = ctx.agent(o.user().username(), where);
            if (agent == null) continue;
            var rotas = ctx.rotas(schedule);
            if (rotas.isEmpty()) {
                ctx.warn(where + ": its schedule was not imported");
                continue;
            }
            var names = o.rotations() == null || o.rotations().isEmpty()
                    ? List.copyOf(rotas.keySet())
                    : o.rotations().stream()
                            .map(r -> r.name() == null ? "" : r.name().strip())
                            .toList();
            for (String rotationName : names) {
                Long rotaId = rotas.get(rotationName);
                if (rotaId == null) {
                    ctx.warn(where + ": rotation " + rotationName + " was not imported");
                    continue;
                }
                boolean added = false;
                for (var shift : rotations.shifts(rotaId, from, to)) {
                    Instant s = shift.startsAt().isAfter(from) ? shift.startsAt() : from;
                    Instant e = shift.endsAt().isBefore(to) ? shift.endsAt() : to;
                    if (Long.valueOf(agent.id()).equals(shift.agentId())) continue;
                    if (!e.isAfter(clock.instant())) continue;
                    var role = shift.role();
                    boolean exists = overrides.list(rotaId).stream()
                            .anyMatch(v -> v.role().equals(role)
                                    && v.startsAt().equals(s)
                                    && v.endsAt().equals(e)
                                    && Long.valueOf(agent.id()).equals(v.addedAgentId()));
                    if (exists) continue;
                    overrides.add(
                            rotaId,
                            new org.firstline.rota.OverrideForm(
                                    role, s.toString(), e.toString(), shift.agentId(), agent.id()));
                    added = true;
                }
                out.add(new ImportReport.Override(
                        schedule,
                        rotations.get(rotaId).name(),
                        agent.displayName() + " <" + agent.email() + ">",
                        from,
                        to,
                        added ? ctx.created() : "exists already"));
            }
        }
        return out;
    }
}

package org.firstline.rota.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.firstline.directory.AgentView;
import org.firstline.directory.TeamView;
import org.firstline.platform.AgentPrincipal;
import org.firstline.rota.Duties;
import org.firstline.rota.Duty;
import org.firstline.rota.RotationView;
import org.firstline.rota.Rotations;
import org.firstline.rota.internal.Planners;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the rota pages show: the list with who is on now, and one rota's calendar, warnings and requests. */
@Component
class RotaPageModel {
    private final Rotations rotations;
    private final Duties duties;
    private final Planners planners;
    private final RotaPageLists lists;
    private final RotaLookups lookups;

    RotaPageModel(Rotations rotations, Duties duties, Planners planners, RotaPageLists lists, RotaLookups lookups) {
        this.rotations = rotations;
        this.duties = duties;
        this.planners = planners;
        this.lists = lists;
        this.lookups = lookups;
    }

    void mustPlan(AgentPrincipal agent) {
        planners.mustPlan(agent);
    }

    void list(AgentPrincipal agent, Model page) {
        Instant now = rotations.clock().instant();
        var all = rotations.list();
        page.addAttribute("section", "rotas");
        page.addAttribute("rotations", all);
        page.addAttribute(
                "onNow", all.stream().collect(Collectors.toMap(RotationView::id, r -> duties.onShift(r.id(), now))));
        page.addAttribute("teamNames", teamNames());
        page.addAttribute("calendars", lookups.calendars().list());
        page.addAttribute("teams", lookups.teams().list());
        page.addAttribute("duties", Duty.values());
        page.addAttribute("canPlan", planners.canPlan(agent));
        page.addAttribute("absences", lists.outOfOffice().of(agent.id()));
        page.addAttribute("now", now);
    }

    void rota(RotationView rotation, AgentPrincipal agent, Model page) {
        Instant now = rotations.clock().instant();
        Instant horizon = rotations.horizon(rotation.id());
        var shifts = rotations.shifts(rotation.id(), now, horizon);
        page.addAttribute("section", "rotas");
        page.addAttribute("rotation", rotation);
        var overrides = lists.overrides().list(rotation.id());
        page.addAttribute("calendar", RotaCalendar.of(rotation, shifts, overrides, duties, now));
        page.addAttribute("onNow", duties.onShift(rotation.id(), now));
        page.addAttribute("warnings", lists.publishing().warnings(rotation.id()));
        page.addAttribute("swaps", lists.swaps().list(rotation.id()));
        page.addAttribute("overrides", overrides);
        page.addAttribute("requests", lists.onCall().list(rotation.id()));
        page.addAttribute("fairness", lists.fairness().figures(rotation.id(), now.minus(Duration.ofDays(91)), horizon));
        page.addAttribute("canPlan", planners.canPlan(agent));
        page.addAttribute("headOfOperations", planners.headOfOperations(agent));
        page.addAttribute("me", agent.id());
        page.addAttribute(
                "myShifts",
                shifts.stream()
                        .filter(s -> s.agentId() != null
                                && s.agentId() == agent.id()
                                && s.startsAt().isAfter(now))
                        .toList());
        page.addAttribute(
                "otherShifts",
                shifts.stream()
                        .filter(s -> s.agentId() != null
                                && s.agentId() != agent.id()
                                && s.startsAt().isAfter(now))
                        .toList());
        page.addAttribute("teamNames", teamNames());
        page.addAttribute(
                "calendarName",
                rotation.calendarId() == null
                        ? null
                        : lookups.calendars().get(rotation.calendarId()).name());
        page.addAttribute(
                "agents",
                lookups.agents().list().stream().filter(AgentView::active).toList());
        page.addAttribute("membersText", membersText(rotation));
        page.addAttribute("calendars", lookups.calendars().list());
        page.addAttribute("teams", lookups.teams().list());
        page.addAttribute("duties", Duty.values());
        page.addAttribute("now", now);
        page.addAttribute("today", now.truncatedTo(ChronoUnit.DAYS));
    }

    private Map<Long, String> teamNames() {
        return lookups.teams().list().stream().collect(Collectors.toMap(TeamView::id, TeamView::name, (a, b) -> a));
    }

    /** Per role, the usernames of the scheduled members and of the shadows, a line each. */
    private List<String[]> membersText(RotationView rotation) {
        Map<Long, String> usernames = lookups.agents().list().stream()
                .collect(Collectors.toMap(AgentView::id, AgentView::username, (a, b) -> a));
        Function<Boolean, Function<String, String>> lines = shadow -> role -> rotation.members().stream()
                .filter(m -> m.role().equals(role) && m.shadow() == shadow)
                .map(m -> usernames.getOrDefault(m.agentId(), ""))
                .collect(Collectors.joining("\n"));
        return rotation.roles().stream()
                .map(role -> new String[] {
                    role, lines.apply(false).apply(role), lines.apply(true).apply(role)
                })
                .toList();
    }
}

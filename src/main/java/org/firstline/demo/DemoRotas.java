package org.firstline.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.firstline.directory.AgentResponsibilities;
import org.firstline.directory.AgentService;
import org.firstline.directory.Designation;
import org.firstline.directory.ResponsibilitiesForm;
import org.firstline.rota.MemberForm;
import org.firstline.rota.OnCallRequests;
import org.firstline.rota.RotaPublishing;
import org.firstline.rota.RotationForm;
import org.firstline.rota.Rotations;
import org.firstline.sla.CalendarService;
import org.springframework.stereotype.Component;

/**
 * The demo's rotas: Platform's weekly triage desk (Tilt's "exterminator", with the Thursday release on its checklist)
 * and Operations' first line of a developer and an operations engineer with an opt-in on-call rota (dxw's weeks,
 * Wednesday to Tuesday), all published and running since three weeks ago.
 */
@Component
class DemoRotas {
    private final Rotations rotations;
    private final RotaPublishing publishing;
    private final OnCallRequests onCall;
    private final DemoRotaHelpers helpers;

    @Component
    record DemoRotaHelpers(
            AgentService agents,
            AgentResponsibilities responsibilities,
            CalendarService calendars,
            org.firstline.rota.DutyChecklists checklists,
            DemoOnCall oncall,
            Clock clock) {}

    DemoRotas(Rotations rotations, RotaPublishing publishing, OnCallRequests onCall, DemoRotaHelpers helpers) {
        this.rotations = rotations;
        this.publishing = publishing;
        this.onCall = onCall;
        this.helpers = helpers;
    }

    void create(DemoPeople people) {
        var staff = people.agents();
        long maya = staff.get(0).id(),
                tom = staff.get(1).id(),
                priya = staff.get(2).id(),
                sam = staff.get(3).id();
        long ops = people.teams().get(0).id(), platform = people.teams().get(1).id();
        Long inHours = helpers.calendars().list().stream()
                .filter(c -> c.name().equals("London in-hours"))
                .map(c -> c.id())
                .findFirst()
                .orElse(null);
        String since = LocalDate.now(helpers.clock()).minusWeeks(3).toString();

        var head = helpers.agents()
                .principal("admin")
                .orElse(helpers.agents().principal(maya).orElseThrow());
        helpers.responsibilities()
                .update(head.id(), new ResponsibilitiesForm(null, Set.of(Designation.HEAD_OF_OPERATIONS)));
        for (long person : List.of(maya, tom)) {
            helpers.responsibilities()
                    .update(
                            person,
                            new ResponsibilitiesForm(
                                    person == head.id() ? null : head.id(), Set.of(Designation.CLEARED_FOR_ON_CALL)));
        }
        for (long person : List.of(priya, sam)) {
            helpers.responsibilities().update(person, new ResponsibilitiesForm(maya, null));
        }

        var exterminator = rotations.create(new RotationForm(
                "Exterminator",
                platform,
                "TRIAGE_DESK",
                "MONDAY",
                "09:00",
                "Europe/London",
                7,
                null,
                inHours,
                since,
                null));
        rotations.setMembers(
                exterminator.id(),
                List.of(
                        new MemberForm(tom, null, false),
                        new MemberForm(priya, null, false),
                        new MemberForm(sam, null, true)));
        helpers.checklists().add(exterminator.id(), "Weekly release with release notes", "THURSDAY");
        helpers.checklists().add(exterminator.id(), "Handoff to the next exterminator", "FRIDAY");
        publishing.publish(exterminator.id(), true);

        var firstLine = rotations.create(new RotationForm(
                "First line",
                ops,
                "FIRST_LINE",
                "WEDNESDAY",
                "10:00",
                "Europe/London",
                7,
                List.of("developer", "operations"),
                inHours,
                since,
                null));
        rotations.setMembers(
                firstLine.id(),
                List.of(
                        new MemberForm(maya, "developer", false),
                        new MemberForm(priya, "developer", false),
                        new MemberForm(tom, "operations", false),
                        new MemberForm(sam, "operations", false)));
        publishing.publish(firstLine.id(), true);

        var onCallRota = rotations.create(new RotationForm(
                "On call", ops, "ON_CALL", "WEDNESDAY", "10:00", "Europe/London", 7, null, inHours, since, 14));
        for (long person : List.of(maya, tom)) {
            var asked = onCall.request(
                    onCallRota.id(), null, helpers.agents().principal(person).orElseThrow());
            onCall.decide(asked.id(), true, head);
        }
        publishing.publish(onCallRota.id(), true);
        if (inHours != null) helpers.oncall().create(ops, onCallRota.id(), firstLine.id(), inHours);
    }
}

package org.firstline.rota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.firstline.support.ApiClient.map;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.firstline.directory.AgentResponsibilities;
import org.firstline.directory.AgentView;
import org.firstline.directory.Designation;
import org.firstline.directory.ResponsibilitiesForm;
import org.firstline.platform.AgentRole;
import org.firstline.platform.InvalidRequestException;
import org.firstline.sla.CalendarForm;
import org.firstline.sla.CalendarService;
import org.firstline.sla.Holiday;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Overrides, swaps, out-of-office, shadows and on-call opt-in as they change who is on; publishing warnings, the alert
 * when an out-of-office empties a published slot, fairness figures and duty checklists. Weeks run Wednesday 10:00
 * London; the first begins Wednesday 2 December 2026 (London is on UTC then).
 */
@RecordApplicationEvents
class RotaChangesIT extends ApiTest {
    static final Instant WEEK1 = Instant.parse("2026-12-02T10:00:00Z");

    @Autowired
    Rotations rotations;

    @Autowired
    RotaPublishing publishing;

    @Autowired
    Duties duties;

    @Autowired
    RotaOverrides overrides;

    @Autowired
    OutOfOffice outOfOffice;

    @Autowired
    AgentResponsibilities responsibilities;

    @Autowired
    CalendarService calendars;

    @Autowired
    RotaFairness fairness;

    @Autowired
    DutyChecklists checklists;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void monday() {
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
    }

    private RotationView rota(String duty, List<String> roles, List<MemberForm> members) {
        var rotation = rotations.create(new RotationForm(
                unique("Rota"), null, duty, "WEDNESDAY", "10:00", "Europe/London", 7, roles, null, "2026-12-02", null));
        return rotations.setMembers(rotation.id(), members);
    }

    private static MemberForm member(AgentView agent) {
        return new MemberForm(agent.id(), null, false);
    }

    private List<Long> on(RotationView rotation, String at) {
        return duties.onShift(rotation.id(), Instant.parse(at)).stream()
                .map(OnShift::agentId)
                .toList();
    }

    private static Instant day(int december, int hour) {
        return Instant.parse(String.format("2026-12-%02dT%02d:00:00Z", december, hour));
    }

    private static OverrideForm override(int fromDay, int toDay, AgentView removed, AgentView added) {
        return new OverrideForm(
                null,
                day(fromDay, 0).toString(),
                day(toDay, 0).toString(),
                removed == null ? null : removed.id(),
                added == null ? null : added.id());
    }

    @Test
    void overridesOutOfOfficeAndShadowsDecideWhoIsOn() {
        AgentView ann = newAgent(AgentRole.AGENT),
                bob = newAgent(AgentRole.AGENT),
                cat = newAgent(AgentRole.AGENT),
                dan = newAgent(AgentRole.AGENT),
                eve = newAgent(AgentRole.AGENT);
        var rotation =
                rota("TRIAGE_DESK", null, List.of(member(ann), member(bob), new MemberForm(cat.id(), null, true)));
        publishing.publish(rotation.id(), false);
        assertThat(on(rotation, "2026-12-03T12:00:00Z")).containsExactly(ann.id());

        overrides.add(rotation.id(), override(3, 4, ann, dan)); // replace
        overrides.add(rotation.id(), override(5, 6, null, eve)); // add
        overrides.add(rotation.id(), override(6, 7, ann, null)); // remove
        outOfOffice.add(ann.id(), day(7, 0).toString(), day(8, 0).toString(), "dentist");
        overrides.add(rotation.id(), override(8, 9, null, cat)); // a shadow is never on

        assertThat(on(rotation, "2026-12-03T12:00:00Z")).containsExactly(dan.id());
        assertThat(on(rotation, "2026-12-04T12:00:00Z")).containsExactly(ann.id());
        assertThat(on(rotation, "2026-12-05T12:00:00Z")).containsExactlyInAnyOrder(ann.id(), eve.id());
        assertThat(on(rotation, "2026-12-06T12:00:00Z")).isEmpty();
        assertThat(on(rotation, "2026-12-07T12:00:00Z")).isEmpty();
        assertThat(on(rotation, "2026-12-08T12:00:00Z")).containsExactly(ann.id());
        assertThat(on(rotation, "2026-12-09T12:00:00Z")).containsExactly(bob.id());
        // the shadow is in no shift ever planned
        assertThat(rotations.shifts(rotation.id(), WEEK1, day(31, 0)))
                .extracting(ShiftView::agentId)
                .doesNotContain(cat.id())
                .containsOnly(ann.id(), bob.id());
        // the override's replacement has the override's hours, the planned person the shift's
        var dansTurn = duties.onShift(rotation.id(), day(3, 12)).getFirst();
        assertThat(dansTurn.startsAt()).isEqualTo(day(3, 0));
        assertThat(dansTurn.endsAt()).isEqualTo(day(4, 0));
    }

    @Test
    void aLeadWhoIsInTheSwapDoesNotApproveIt() {
        AgentView maya = newAgent(AgentRole.AGENT), priya = newAgent(AgentRole.AGENT);
        AgentView mayasLead = newAgent(AgentRole.AGENT), admin = newAgent(AgentRole.ADMIN);
        responsibilities.update(priya.id(), new ResponsibilitiesForm(maya.id(), null)); // Maya leads Priya
        responsibilities.update(maya.id(), new ResponsibilitiesForm(mayasLead.id(), null));
        var rotation = rota("FIRST_LINE", null, List.of(member(priya), member(maya)));
        publishing.publish(rotation.id(), false);
        var shifts = rotations.shifts(rotation.id(), day(16, 11), day(30, 0));
        long swap = api(priya)
                .post(
                        "/api/v1/rotas/swaps",
                        map(
                                "shiftId",
                                shifts.get(0).id(),
                                "otherShiftId",
                                shifts.get(1).id()))
                .json()
                .get("result")
                .get("id")
                .asLong();
        api(maya).post("/api/v1/rotas/swaps/" + swap + "/accept", null);
        var own = api(maya).post("/api/v1/rotas/swaps/" + swap + "/approve", null);
        assertThat(own.status()).as("Maya is Priya's lead but swaps herself").isEqualTo(403);
        assertThat(api(mayasLead)
                        .post("/api/v1/rotas/swaps/" + swap + "/approve", null)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");
        assertThat(api(admin)
                        .post("/api/v1/rotas/swaps/" + swap + "/approve", null)
                        .json()
                        .get("status")
                        .asString())
                .as("an admin approves in the place of a lead who is in the swap")
                .isEqualTo("APPROVED");
    }

    @Test
    void aSwapChangesShiftsOnlyOnceAcceptedAndApprovedByBothDeliveryLeads() {
        AgentView ann = newAgent(AgentRole.AGENT), bob = newAgent(AgentRole.AGENT);
        AgentView annsLead = newAgent(AgentRole.AGENT), bobsLead = newAgent(AgentRole.AGENT);
        responsibilities.update(ann.id(), new ResponsibilitiesForm(annsLead.id(), null));
        responsibilities.update(bob.id(), new ResponsibilitiesForm(bobsLead.id(), null));
        var rotation = rota("FIRST_LINE", null, List.of(member(ann), member(bob)));
        publishing.publish(rotation.id(), false);
        var shifts = rotations.shifts(rotation.id(), day(16, 11), day(30, 0));
        long annsWeek3 = shifts.get(0).id(), bobsWeek4 = shifts.get(1).id();
        assertThat(shifts.get(0).agentId()).isEqualTo(ann.id());

        var annApi = api(ann);
        var proposed = annApi.post("/api/v1/rotas/swaps", map("shiftId", annsWeek3, "otherShiftId", bobsWeek4));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().get("warnings")).isEmpty(); // 16 days ahead: enough notice
        long swap = proposed.json().get("result").get("id").asLong();

        assertThat(api(annsLead)
                        .post("/api/v1/rotas/swaps/" + swap + "/approve", null)
                        .status())
                .isEqualTo(409); // not accepted yet
        assertThat(annApi.post("/api/v1/rotas/swaps/" + swap + "/accept", null).status())
                .isEqualTo(403);
        assertThat(api(bob).post("/api/v1/rotas/swaps/" + swap + "/accept", null)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ACCEPTED");
        assertThat(api(bob).post("/api/v1/rotas/swaps/" + swap + "/approve", null)
                        .status())
                .isEqualTo(403);
        var once = api(annsLead)
                .post("/api/v1/rotas/swaps/" + swap + "/approve", null)
                .json();
        assertThat(once.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(on(rotation, "2026-12-17T12:00:00Z")).containsExactly(ann.id());

        var approved = api(bobsLead)
                .post("/api/v1/rotas/swaps/" + swap + "/approve", null)
                .json();
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(on(rotation, "2026-12-17T12:00:00Z")).containsExactly(bob.id());
        assertThat(on(rotation, "2026-12-24T12:00:00Z")).containsExactly(ann.id());
        // proposed, accepted, two approvals and the outcome are each in the audit trail
        int steps = jdbc.sql("select count(*) from audit_entry where entity = 'rota_swap' and entity_id = ?")
                .param(swap)
                .query(Integer.class)
                .single();
        assertThat(steps).isGreaterThanOrEqualTo(5);

        // a personal request with under two weeks' notice is allowed, with a warning
        var soon = rotations.shifts(rotation.id(), day(2, 12), day(10, 0));
        var hurried = api(bob).post(
                        "/api/v1/rotas/swaps",
                        map(
                                "shiftId",
                                soon.get(1).id(),
                                "otherShiftId",
                                soon.get(0).id()));
        assertThat(hurried.status()).as(hurried.body()).isEqualTo(201);
        assertThat(hurried.json().get("warnings").get(0).asString()).contains("two weeks");
    }

    @Test
    void onCallIsOptInApprovedByTheHeadOfOperationsForClearedAgentsOnly() {
        AgentView volunteer = newAgent(AgentRole.AGENT),
                head = newAgent(AgentRole.AGENT),
                other = newAgent(AgentRole.AGENT);
        responsibilities.update(head.id(), new ResponsibilitiesForm(null, Set.of(Designation.HEAD_OF_OPERATIONS)));
        var rotation = rota("ON_CALL", null, List.of());
        assertThatThrownBy(() -> rotations.setMembers(rotation.id(), List.of(member(volunteer))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("not cleared for on call");
        // anyone may shadow
        rotations.setMembers(rotation.id(), List.of(new MemberForm(other.id(), null, true)));

        var asked = api(volunteer).post("/api/v1/rotas/" + rotation.id() + "/on-call-requests", map());
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        long request = asked.json().get("id").asLong();
        assertThat(api(other)
                        .post("/api/v1/rotas/on-call-requests/" + request + "/approve", null)
                        .status())
                .isEqualTo(403);
        assertThat(api(head)
                        .post("/api/v1/rotas/on-call-requests/" + request + "/approve", null)
                        .status())
                .isEqualTo(409); // not cleared yet
        responsibilities.update(
                volunteer.id(), new ResponsibilitiesForm(null, Set.of(Designation.CLEARED_FOR_ON_CALL)));
        var approved = api(head).post("/api/v1/rotas/on-call-requests/" + request + "/approve", null);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
        publishing.publish(rotation.id(), false);
        assertThat(on(rotation, "2026-12-03T03:00:00Z")).containsExactly(volunteer.id());
        assertThat(duties.on(Duty.ON_CALL, null, day(3, 3)))
                .extracting(OnShift::agentId)
                .contains(volunteer.id())
                .doesNotContain(other.id());
    }

    @Test
    void publishingWarnsOfGapsAndClashesAndALaterOutOfOfficeRaisesAnAlert() {
        AgentView ann = newAgent(AgentRole.AGENT), bob = newAgent(AgentRole.AGENT), cat = newAgent(AgentRole.AGENT);
        var rotation = rota(
                "FIRST_LINE",
                List.of("developer", "operations"),
                List.of(new MemberForm(ann.id(), "developer", false), new MemberForm(bob.id(), "developer", false)));
        var first = publishing.publish(rotation.id(), false);
        assertThat(first.published()).isFalse();
        assertThat(first.warnings())
                .anyMatch(w -> w.kind() == RotaWarning.Kind.GAP && w.message().contains("operations"));
        assertThat(rotations.get(rotation.id()).published()).isFalse();

        rotations.setMembers(
                rotation.id(),
                List.of(
                        new MemberForm(ann.id(), "developer", false),
                        new MemberForm(bob.id(), "developer", false),
                        new MemberForm(cat.id(), "operations", false)));
        outOfOffice.add(bob.id(), day(10, 0).toString(), day(11, 0).toString(), "");
        var second = publishing.publish(rotation.id(), false);
        assertThat(second.published()).isFalse();
        assertThat(second.warnings()).extracting(RotaWarning::kind).contains(RotaWarning.Kind.CLASH);
        assertThat(second.warnings()).noneMatch(w -> w.kind() == RotaWarning.Kind.GAP);
        var api = api(AgentRole.ADMIN);
        var confirmed = api.post("/api/v1/rotas/" + rotation.id() + "/publish", map("confirm", true));
        assertThat(confirmed.json().get("published").asBoolean()).isTrue();

        events.clear();
        var later = outOfOffice.add(ann.id(), day(16, 0).toString(), day(18, 0).toString(), "ill");
        assertThat(later.warnings()).anyMatch(w -> w.contains("Nobody is left on"));
        var emptied = events.stream(RotaSlotEmptied.class).toList();
        assertThat(emptied).hasSize(1);
        assertThat(emptied.getFirst().agentId()).isEqualTo(ann.id());
        assertThat(emptied.getFirst().role()).isEqualTo("developer");
        assertThat(emptied.getFirst().startsAt()).isEqualTo(day(16, 10));
        var warnings = api.get("/api/v1/rotas/" + rotation.id() + "/warnings").json();
        assertThat(warnings.toString()).contains("EMPTIED");
        // an absence covered by an override raises nothing
        overrides.add(
                rotation.id(),
                new OverrideForm(
                        "developer", day(30, 10).toString(), day(31, 10).toString(), ann.id(), bob.id()));
        events.clear();
        outOfOffice.add(ann.id(), day(30, 12).toString(), day(30, 18).toString(), "");
        assertThat(events.stream(RotaSlotEmptied.class)).isEmpty();
    }

    @Test
    void fairnessCountsWeeksAndOutOfHoursNightsAsHeld() {
        AgentView ann = newAgent(AgentRole.AGENT), bob = newAgent(AgentRole.AGENT);
        var rotation = rota("SECOND_LINE", null, List.of(member(ann), member(bob)));
        // Bob's second week (23–30 December) goes to Ann whole; a one-day cover of Ann's first week changes no count
        overrides.add(
                rotation.id(),
                new OverrideForm(null, day(23, 10).toString(), day(30, 10).toString(), bob.id(), ann.id()));
        overrides.add(
                rotation.id(),
                new OverrideForm(null, day(3, 0).toString(), day(4, 0).toString(), ann.id(), bob.id()));
        // four shifts begin in December from the 2nd: Ann 2nd, 16th and (swapped) 23rd; Bob the 9th
        var rows = fairness.figures(rotation.id(), day(1, 0), day(30, 0));
        var byAgent = rows.stream().collect(java.util.stream.Collectors.toMap(FairnessRow::agentId, r -> r));
        assertThat(byAgent.get(ann.id()).shifts()).isEqualTo(3);
        assertThat(byAgent.get(ann.id()).weeks()).isEqualTo(3.0);
        assertThat(byAgent.get(ann.id()).outOfHoursNights()).isEqualTo(21);
        assertThat(byAgent.get(bob.id()).shifts()).isEqualTo(1);
        assertThat(byAgent.get(bob.id()).outOfHoursNights()).isEqualTo(7);
        // a rota of one person is on weeks running
        var alone = rota("SECOND_LINE", null, List.of(member(ann)));
        assertThat(publishing.warnings(alone.id())).anyMatch(w -> w.kind() == RotaWarning.Kind.CONSECUTIVE);
        assertThat(publishing.warnings(rotation.id())).noneMatch(w -> w.kind() == RotaWarning.Kind.CONSECUTIVE);
    }

    @Test
    void aWeeklyReleaseIsDueOnThursdayExceptInAHolidayWeekAndThePersonOnDutyTicksIt() {
        AgentView ann = newAgent(AgentRole.AGENT), bob = newAgent(AgentRole.AGENT);
        var calendar = calendars.create(new CalendarForm(
                unique("Tilt"),
                "Europe/London",
                false,
                List.of(
                        new CalendarForm.Hours(DayOfWeek.MONDAY, "00:00", "24:00"),
                        new CalendarForm.Hours(DayOfWeek.TUESDAY, "00:00", "24:00"),
                        new CalendarForm.Hours(DayOfWeek.WEDNESDAY, "00:00", "24:00"),
                        new CalendarForm.Hours(DayOfWeek.THURSDAY, "00:00", "24:00"),
                        new CalendarForm.Hours(DayOfWeek.FRIDAY, "00:00", "24:00"))));
        calendars.addHoliday(calendar.id(), new Holiday(java.time.LocalDate.of(2026, 12, 24), "Christmas Eve"));
        var rotation = rotations.create(new RotationForm(
                unique("Exterminator"),
                null,
                "TRIAGE_DESK",
                "WEDNESDAY",
                "10:00",
                "Europe/London",
                7,
                null,
                calendar.id(),
                "2026-12-02",
                null));
        rotations.setMembers(rotation.id(), List.of(member(ann), member(bob)));
        publishing.publish(rotation.id(), false);
        var item = checklists.add(rotation.id(), "Release", "THURSDAY");
        assertThat(checklists.due(rotation.id(), day(3, 12)))
                .extracting(ChecklistEntry::dueOn)
                .containsExactly(java.time.LocalDate.of(2026, 12, 3));
        assertThat(checklists.due(rotation.id(), day(24, 12))).isEmpty();

        clock.set(day(3, 12));
        var tick = "/api/v1/rotas/" + rotation.id() + "/checklist/" + item.id() + "/tick";
        assertThat(api(bob).post(tick, map("dueOn", "2026-12-03")).status()).isEqualTo(403);
        var ticked = api(ann).post(tick, map("dueOn", "2026-12-03"));
        assertThat(ticked.status()).as(ticked.body()).isEqualTo(200);
        assertThat(ticked.json().get("ticked").asBoolean()).isTrue();
        assertThat(api(bob).get("/api/v1/rotas/" + rotation.id() + "/checklist")
                        .json()
                        .get(0)
                        .get("tickedBy")
                        .asString())
                .isEqualTo(ann.displayName());
    }
}

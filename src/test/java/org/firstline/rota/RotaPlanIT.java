package org.firstline.rota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.firstline.directory.AgentView;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Rotations planned months ahead, handed over at a local time through daylight-saving changes, and who is on. */
class RotaPlanIT extends ApiTest {
    @Autowired
    Rotations rotations;

    @Autowired
    RotaPublishing publishing;

    @Autowired
    Duties duties;

    private RotationView weekly(String zone, String day, String time, List<AgentView> people) {
        var rotation = rotations.create(new RotationForm(
                unique("Exterminator"), null, "TRIAGE_DESK", day, time, zone, 7, null, null, null, null));
        return rotations.setMembers(
                rotation.id(),
                people.stream().map(p -> new MemberForm(p.id(), null, false)).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/London", "America/New_York", "Australia/Sydney"})
    void everyStoredShiftStartsAtTheLocalHandoffTimeAcrossTheClockChanges(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        // a year of clock changes ahead of the start: the stored plan covers three months at a time
        clock.set(Instant.parse("2026-01-05T12:00:00Z"));
        var ann = newAgent(AgentRole.AGENT);
        var bob = newAgent(AgentRole.AGENT);
        var rotation = weekly(zoneName, "SUNDAY", "02:30", List.of(ann, bob));
        for (int month = 0; month < 12; month++) {
            clock.advance(Duration.ofDays(30));
            rotations.extendHorizons();
        }
        var shifts = rotations.shifts(
                rotation.id(), Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(shifts).hasSizeGreaterThanOrEqualTo(50);
        for (int i = 0; i < shifts.size(); i++) {
            var shift = shifts.get(i);
            var local = ZonedDateTime.ofInstant(shift.startsAt(), zone);
            assertThat(local.getDayOfWeek()).as(shift.toString()).isEqualTo(java.time.DayOfWeek.SUNDAY);
            LocalDate date = local.toLocalDate();
            var valid = zone.getRules().getValidOffsets(date.atTime(2, 30));
            if (valid.isEmpty()) {
                // 02:30 skipped: the next minute that exists, 03:00 after the change
                assertThat(local.toLocalTime()).as(shift.toString()).isEqualTo(LocalTime.of(3, 0));
            } else {
                assertThat(local.toLocalTime()).as(shift.toString()).isEqualTo(LocalTime.of(2, 30));
                // a repeated 02:30 is the first one: the earlier offset
                assertThat(local.getOffset()).isEqualTo(valid.getFirst());
            }
            if (i + 1 < shifts.size()) {
                assertThat(shift.endsAt()).isEqualTo(shifts.get(i + 1).startsAt());
                assertThat(Duration.between(shift.startsAt(), shift.endsAt()))
                        .isBetween(Duration.ofHours(167), Duration.ofHours(169));
            }
            assertThat(shift.agentId()).isEqualTo(shift.index() % 2 == 0 ? ann.id() : bob.id());
        }
        // both changes of the year lie inside the plan: some shift is 167 hours, some 169
        assertThat(shifts.stream()
                        .map(s -> Duration.between(s.startsAt(), s.endsAt()).toHours()))
                .contains(167L, 169L);
    }

    @Test
    void theHorizonIsAtLeastThreeMonthsAndMovesOnWithTheClock() {
        clock.set(Instant.parse("2026-12-02T09:00:00Z"));
        var rotation = weekly("Europe/London", "WEDNESDAY", "10:00", List.of(newAgent(AgentRole.AGENT)));
        Instant threeMonths = Instant.parse("2027-03-02T09:00:00Z");
        var stored = rotations.shifts(rotation.id(), clock.instant(), Instant.parse("2028-01-01T00:00:00Z"));
        assertThat(stored.getLast().endsAt()).isAfter(threeMonths);
        assertThat(stored.getLast().startsAt()).isBefore(threeMonths.plus(Duration.ofDays(14)));
        clock.advance(Duration.ofDays(60));
        assertThat(rotations.extendHorizons()).isGreaterThan(0);
        var later = rotations.shifts(rotation.id(), clock.instant(), Instant.parse("2028-01-01T00:00:00Z"));
        assertThat(later.getLast().endsAt()).isAfter(Instant.parse("2027-05-01T09:00:00Z"));
    }

    @Test
    void whoIsOnGoesRoundInMemberOrderOnlyOnceTheRotaIsPublished() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        var ann = newAgent(AgentRole.AGENT);
        var bob = newAgent(AgentRole.AGENT);
        var rotation = weekly("Europe/London", "WEDNESDAY", "10:00", List.of(ann, bob));
        // the first shift begins Wednesday 2 December at 10:00 London (UTC in winter)
        Instant firstWeek = Instant.parse("2026-12-03T12:00:00Z");
        Instant secondWeek = Instant.parse("2026-12-09T10:00:00Z");
        assertThat(duties.onShift(rotation.id(), firstWeek)).isEmpty();
        assertThat(publishing.publish(rotation.id(), false).published()).isTrue();
        assertThat(duties.onShift(rotation.id(), firstWeek))
                .extracting(OnShift::agentId)
                .containsExactly(ann.id());
        assertThat(duties.onShift(rotation.id(), secondWeek))
                .extracting(OnShift::agentId)
                .containsExactly(bob.id());
        assertThat(duties.onShift(rotation.id(), secondWeek.minusSeconds(1)))
                .extracting(OnShift::agentId)
                .containsExactly(ann.id());
        assertThat(duties.on(Duty.TRIAGE_DESK, null, firstWeek))
                .extracting(OnShift::agentId)
                .contains(ann.id());

        var api = api(AgentRole.AGENT);
        var r = api.get("/api/v1/rotas/" + rotation.id() + "/on-shift?at=2026-12-09T10:00:00Z");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get(0).get("agentId").asLong()).isEqualTo(bob.id());
        assertThat(api.get("/api/v1/rotas/999999999/on-shift").status()).isEqualTo(404);
    }

    @Test
    void changingMembersReplansOnlyShiftsThatHaveNotBegun() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        var ann = newAgent(AgentRole.AGENT);
        var bob = newAgent(AgentRole.AGENT);
        var cat = newAgent(AgentRole.AGENT);
        var rotation = weekly("Europe/London", "WEDNESDAY", "10:00", List.of(ann, bob));
        publishing.publish(rotation.id(), false);
        clock.set(Instant.parse("2026-12-10T09:00:00Z")); // in Bob's week: his shift has begun and stays his
        rotations.setMembers(rotation.id(), List.of(new MemberForm(cat.id(), null, false)));
        var shifts = rotations.shifts(
                rotation.id(), Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(shifts).extracting(ShiftView::agentId).startsWith(ann.id(), bob.id(), cat.id(), cat.id());
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        var admin = api(AgentRole.ADMIN);
        var good = map(
                "name",
                "Desk",
                "duty",
                "TRIAGE_DESK",
                "handoffDay",
                "MONDAY",
                "handoffTime",
                "09:00",
                "timeZone",
                "Europe/London");
        assertThat(admin.post("/api/v1/rotas", good).status()).isEqualTo(201);
        for (var bad : List.of(
                List.of("timeZone", "Mars/Olympus"),
                List.of("handoffDay", "Funday"),
                List.of("handoffTime", "25:61"),
                List.of("duty", "NAPPING"),
                List.of("anchorDate", "2026-02-30"))) {
            var form = new java.util.LinkedHashMap<String, Object>(good);
            form.put(bad.get(0), bad.get(1));
            var r = admin.post("/api/v1/rotas", form);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains(bad.get(0));
        }
        var rotation = admin.post("/api/v1/rotas", good).json().get("id").asLong();
        var r = admin.put("/api/v1/rotas/" + rotation + "/members", List.of(map("agentId", 987654321L)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("members[0].agentId");
        assertThat(api(AgentRole.AGENT).post("/api/v1/rotas", good).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/duties/NAPPING").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/rotas/" + rotation + "/on-shift?at=yesterday")
                        .body())
                .contains("at");
        assertThat(admin.get("/api/v1/rotas/999999999").status()).isEqualTo(404);
        var backwards = admin.post(
                "/api/v1/rotas/" + rotation + "/overrides",
                map("startsAt", "2027-01-02T00:00:00Z", "endsAt", "2027-01-01T00:00:00Z", "addedAgentId", 1));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("endsAt");
        var nobody = admin.post(
                "/api/v1/rotas/" + rotation + "/overrides",
                map("startsAt", "2027-01-01T00:00:00Z", "endsAt", "2027-01-02T00:00:00Z", "addedAgentId", 987654321L));
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.body()).contains("addedAgentId");
        var fair =
                admin.get("/api/v1/rotas/" + rotation + "/fairness?from=2027-02-01T00:00:00Z&to=2027-01-01T00:00:00Z");
        assertThat(fair.status()).isEqualTo(400);
        assertThat(fair.body()).contains("to");
        var away = admin.post("/api/v1/rotas/out-of-office", map("startsAt", "soon", "endsAt", "2027-01-01T00:00:00Z"));
        assertThat(away.status()).isEqualTo(400);
        assertThat(away.body()).contains("startsAt");
        assertThat(admin.post("/api/v1/rotas/swaps", map("shiftId", 987654321L, "otherShiftId", 1))
                        .body())
                .contains("shiftId");
        assertThat(admin.post("/api/v1/rotas/swaps/987654321/accept", null).status())
                .isEqualTo(404);
    }
}

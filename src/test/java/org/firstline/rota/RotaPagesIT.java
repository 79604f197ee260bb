package org.firstline.rota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.firstline.directory.AgentView;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rota list, a rota read by someone who does not plan, and the duty page where the person on duty ticks items. */
class RotaPagesIT extends ApiTest {
    @Autowired
    Rotations rotations;

    @Autowired
    RotaPublishing publishing;

    @Autowired
    DutyChecklists checklists;

    @Autowired
    RotaOverrides overrides;

    @Autowired
    Duties roster;

    /** A weekly triage desk handed over on Mondays at 09:00 London, from 30 November 2026. */
    private RotationView mondayDesk() {
        return rotations.create(new RotationForm(
                unique("Exterminator"),
                null,
                "TRIAGE_DESK",
                "MONDAY",
                "09:00",
                "Europe/London",
                7,
                null,
                null,
                "2026-11-30",
                null));
    }

    @Test
    void whoIsOnNowAndTheirChecklistOnTheDutyPage() {
        clock.set(Instant.parse("2026-12-03T12:00:00Z"));
        AgentView ann = newAgent(AgentRole.AGENT), bob = newAgent(AgentRole.READ_ONLY);
        var rotation = mondayDesk();
        rotations.setMembers(rotation.id(), List.of(new MemberForm(ann.id(), null, false)));
        publishing.publish(rotation.id(), true);
        var item = checklists.add(rotation.id(), "Weekly release", "THURSDAY");

        var carl = newAgent(AgentRole.AGENT);
        overrides.add(
                rotation.id(),
                new OverrideForm(null, "2026-12-03T14:00:00Z", "2026-12-04T09:00:00Z", ann.id(), carl.id()));

        var reader = signedIn(bob);
        var list = reader.get("/rotas", "text/html");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains(rotation.name())
                .contains(ann.displayName())
                .doesNotContain("Plan a rota");
        var page = reader.get("/rotas/" + rotation.id(), "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("aria-current=\"date\"")
                .contains(ann.displayName())
                .contains(carl.displayName() + " for " + ann.displayName() + ", Thu 3 Dec 14:00 – Fri 4 Dec 09:00")
                .doesNotContain("Save members");

        var browser = signedIn(ann);
        var duties = browser.get("/duties", "text/html");
        assertThat(duties.status()).isEqualTo(200);
        assertThat(duties.body())
                .contains(rotation.name())
                .contains(ann.displayName())
                .contains("Weekly release");
        String csrf = ApiClient.csrfToken(duties.body());
        var ticked = browser.postForm(
                "/duties/" + rotation.id() + "/checklist/" + item.id(), Map.of("dueOn", "2026-12-03", "_csrf", csrf));
        assertThat(ticked.status()).isEqualTo(302);
        assertThat(browser.get("/duties", "text/html").body()).contains("done by " + ann.displayName());
        // at a time before the rota began nobody is on it
        assertThat(browser.get("/duties?at=2026-11-01T12:00:00Z", "text/html").body())
                .contains("nobody");

        var admin = api(AgentRole.ADMIN);
        var nullMember =
                admin.put("/api/v1/rotas/" + rotation.id() + "/members", java.util.Arrays.asList((Object) null));
        assertThat(nullMember.status()).as(nullMember.body()).isEqualTo(400);
        assertThat(roster.onShift(rotation.id(), clock.instant()))
                .extracting(OnShift::agentId)
                .containsExactly(ann.id());
        assertThat(admin.patch("/api/v1/agents/" + ann.id(), Map.of("active", false))
                        .status())
                .isEqualTo(200);
        assertThat(roster.onShift(rotation.id(), clock.instant()))
                .as("a deactivated agent holds no shift")
                .isEmpty();
    }

    @Test
    void aPlannerChangesTheSettingsOnTheRotasPageAndABadZoneIsShownThere() {
        clock.set(Instant.parse("2026-12-03T12:00:00Z"));
        AgentView planner = newAgent(AgentRole.ADMIN), ann = newAgent(AgentRole.AGENT);
        var rotation = mondayDesk();
        var browser = signedIn(planner);
        var page = browser.get("/rotas/" + rotation.id(), "text/html");
        assertThat(page.body())
                .contains("Save settings")
                .contains("value=\"Europe/London\"")
                .contains("value=\"09:00\"");
        String csrf = ApiClient.csrfToken(page.body());
        var form = new java.util.HashMap<String, String>(Map.of(
                "name", rotation.name() + " (weekly)",
                "duty", "TRIAGE_DESK",
                "handoffDay", "WEDNESDAY",
                "handoffTime", "10:00",
                "timeZone", "America/New_York",
                "shiftDays", "7",
                "roles", "",
                "anchorDate", "2026-11-30",
                "noticeDays", "7",
                "_csrf", csrf));
        var saved = browser.postForm("/rotas/" + rotation.id(), form);
        assertThat(saved.status()).isEqualTo(302);
        var after = rotations.get(rotation.id());
        assertThat(after.name()).endsWith("(weekly)");
        assertThat(after.handoffDay()).isEqualTo(java.time.DayOfWeek.WEDNESDAY);
        assertThat(after.timeZone()).isEqualTo("America/New_York");
        assertThat(browser.get("/rotas/" + rotation.id(), "text/html").body()).contains("Settings saved");

        form.put("timeZone", "Mars/Olympus_Mons");
        var refused = browser.postForm("/rotas/" + rotation.id(), form);
        String shown = refused.status() == 302
                ? browser.get(refused.header("Location").replaceAll("^https?://[^/]+", ""), "text/html")
                        .body()
                : refused.body();
        assertThat(shown).contains("Time zone is not a known time zone");
        assertThat(rotations.get(rotation.id()).timeZone()).isEqualTo("America/New_York");

        // the API's whole-rota update, without a team or a calendar
        var put = api(planner)
                .put(
                        "/api/v1/rotas/" + rotation.id(),
                        Map.of(
                                "name", rotation.name(),
                                "duty", "TRIAGE_DESK",
                                "handoffDay", "TUESDAY",
                                "handoffTime", "09:30",
                                "timeZone", "Europe/London"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("handoffDay").asString()).isEqualTo("TUESDAY");
        for (String offset : List.of("+05:00", "Z", "SystemV/EST5", "Etc/GMT+5")) {
            var fixed = api(planner)
                    .put(
                            "/api/v1/rotas/" + rotation.id(),
                            Map.of(
                                    "name",
                                    rotation.name(),
                                    "duty",
                                    "TRIAGE_DESK",
                                    "handoffDay",
                                    "TUESDAY",
                                    "handoffTime",
                                    "09:30",
                                    "timeZone",
                                    offset));
            assertThat(fixed.status()).as(offset + " knows no daylight saving").isEqualTo(400);
            assertThat(fixed.body()).contains("timeZone");
        }
        var twoLines = api(planner)
                .put(
                        "/api/v1/rotas/" + rotation.id(),
                        Map.of(
                                "name",
                                "Nights\r\nBcc: x",
                                "duty",
                                "TRIAGE_DESK",
                                "handoffDay",
                                "TUESDAY",
                                "handoffTime",
                                "09:30",
                                "timeZone",
                                "Europe/London"));
        assertThat(twoLines.status()).isEqualTo(400);
        assertThat(twoLines.body()).contains("one line");

        var noToken = new java.util.HashMap<>(form);
        noToken.remove("_csrf");
        var expired = browser.postForm("/rotas/" + rotation.id(), noToken);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.body())
                .contains("without its current security token")
                .doesNotContain("Your role does not allow this");

        var notPlanner = signedIn(ann);
        var other = notPlanner.get("/rotas/" + rotation.id(), "text/html");
        assertThat(other.body()).doesNotContain("Save settings");
        form.put("_csrf", ApiClient.csrfToken(other.body()));
        form.put("timeZone", "Europe/Paris");
        notPlanner.postForm("/rotas/" + rotation.id(), form);
        assertThat(rotations.get(rotation.id()).timeZone()).isEqualTo("Europe/London");
    }

    @Test
    void aRefusedRotaKeepsWhatWasTyped() {
        var browser = signedIn(newAgent(AgentRole.ADMIN));
        var list = browser.get("/rotas", "text/html");
        String name = unique("Exterminator weekly");
        var refused = browser.postForm(
                "/rotas",
                Map.of(
                        "name", name,
                        "duty", "FIRST_LINE",
                        "handoffDay", "WEDNESDAY",
                        "handoffTime", "10:00",
                        "timeZone", "Europe/Londn",
                        "shiftDays", "7",
                        "roles", "developer, operations",
                        "_csrf", ApiClient.csrfToken(list.body())),
                Map.of("Referer", "http://localhost:" + port + "/rotas"));
        assertThat(refused.status()).isEqualTo(302);
        var again = browser.get("/rotas", "text/html").body();
        assertThat(again)
                .contains("Time zone is not a known time zone")
                .contains("value=\"" + name + "\"")
                .contains("value=\"Europe/Londn\"")
                .contains("value=\"developer, operations\"")
                .contains("<option value=\"FIRST_LINE\" selected=\"selected\"")
                .contains("<option value=\"WEDNESDAY\" selected=\"selected\"");
        assertThat(browser.get("/rotas", "text/html").body())
                .as("only for the one page after the refusal")
                .doesNotContain("value=\"" + name + "\"");
    }
}

package org.firstline.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.firstline.platform.AgentRole;
import org.firstline.sla.internal.SlaSweeper;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Calendars, their preview and holiday import, policies, a ticket's clocks and the lists, over the API. */
class SlaApiIT extends ApiTest {
    @Autowired
    SlaSweeper sweeper;

    static List<Map<String, Object>> weekdays(String... ranges) {
        var hours = new java.util.ArrayList<Map<String, Object>>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            for (String range : ranges)
                hours.add(map("day", day, "from", range.split("-")[0], "to", range.split("-")[1]));
        }
        return hours;
    }

    long calendar(ApiClient admin, String... ranges) {
        var created = admin.post(
                "/api/v1/sla/calendars",
                map("name", unique("London"), "timeZone", "Europe/London", "hours", weekdays(ranges)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    @Test
    void anAdminChecksACalendarWithALunchBreakInThePreview() {
        var admin = api(AgentRole.ADMIN);
        long id = calendar(admin, "09:00-12:30", "13:30-17:00");
        assertThat(admin.get("/api/v1/sla/calendars/" + id).json().get("hours")).hasSize(10);
        var preview = admin.post(
                "/api/v1/sla/calendars/" + id + "/preview",
                map("start", "2026-11-27T16:00:00Z", "amount", 240, "end", "2026-11-30T12:00:00Z"));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        // Friday 16:00–17:00, Monday 09:00–12:00 = 240 minutes; with the lunch break, 240 minutes end at 12:00 Monday
        assertThat(preview.json().get("due").asString()).isEqualTo("2026-11-30T12:00:00Z");
        assertThat(preview.json().get("dueLocal").asString()).isEqualTo("2026-11-30T12:00Z");
        assertThat(preview.json().get("workingMinutesToEnd").asLong()).isEqualTo(240);
        var withPause = admin.post(
                "/api/v1/sla/calendars/" + id + "/preview",
                map(
                        "start",
                        "2026-11-27T16:00:00Z",
                        "amount",
                        1,
                        "unit",
                        "WORKING_DAYS",
                        "pauses",
                        List.of(map("from", "2026-11-30T09:00:00Z", "to", "2026-11-30T10:00:00Z"))));
        assertThat(withPause.json().get("due").asString()).isEqualTo("2026-11-30T17:00:00Z");
    }

    @Test
    void bankHolidaysComeInFromAnICalendarFileAndMoveDueTimes() throws IOException {
        var admin = api(AgentRole.ADMIN);
        long id = calendar(admin, "09:00-17:00");
        String ics;
        try (var in = getClass().getResourceAsStream("/calendars/england-and-wales.ics")) {
            ics = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var imported = admin.postText("/api/v1/sla/calendars/" + id + "/holidays/import", "text/calendar", ics);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(16);
        JsonNode holidays = imported.json().get("calendar").get("holidays");
        assertThat(holidays.findValuesAsString("name"))
                .contains("Boxing Day (substitute day), the 26th falls on a Saturday in 2026");
        var preview = admin.post(
                "/api/v1/sla/calendars/" + id + "/preview", map("start", "2026-12-24T16:00:00Z", "amount", 120));
        assertThat(preview.json().get("due").asString()).isEqualTo("2026-12-29T10:00:00Z");
        assertThat(admin.delete("/api/v1/sla/calendars/" + id + "/holidays/2026-12-28")
                        .status())
                .isEqualTo(200);
        assertThat(admin.post(
                                "/api/v1/sla/calendars/" + id + "/preview",
                                map("start", "2026-12-24T16:00:00Z", "amount", 120))
                        .json()
                        .get("due")
                        .asString())
                .isEqualTo("2026-12-28T10:00:00Z");
        assertThat(admin.delete("/api/v1/sla/calendars/" + id + "/holidays/2026-12-28")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void badCalendarsAreRefusedWithTheReason() {
        var admin = api(AgentRole.ADMIN);
        var zone = admin.post(
                "/api/v1/sla/calendars",
                map("name", unique("Mars"), "timeZone", "Mars/Olympus", "hours", weekdays("09:00-17:00")));
        assertThat(zone.status()).isEqualTo(400);
        assertThat(zone.header("Content-Type")).startsWith("application/problem+json");
        assertThat(zone.body()).contains("timeZone").contains("IANA");
        var overlap = admin.post(
                "/api/v1/sla/calendars",
                map("name", unique("Overlap"), "timeZone", "UTC", "hours", weekdays("09:00-13:00", "12:00-17:00")));
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(overlap.body()).contains("overlap");
        var time = admin.post(
                "/api/v1/sla/calendars",
                map("name", unique("Late"), "timeZone", "UTC", "hours", weekdays("09:00-25:00")));
        assertThat(time.status()).isEqualTo(400);
        assertThat(time.body()).contains("25:00");
        var none = admin.post(
                "/api/v1/sla/calendars", map("name", unique("Empty"), "timeZone", "UTC", "hours", List.of()));
        assertThat(none.status()).isEqualTo(400);
        long id = calendar(admin, "09:00-17:00");
        var noCalendar = admin.post("/api/v1/sla/policies", map("name", unique("Nowhere"), "calendarId", 99999999));
        assertThat(noCalendar.status()).isEqualTo(400);
        assertThat(noCalendar.body()).contains("calendarId");
        var plan = admin.post("/api/v1/plans", map("name", unique("Years"), "budgetHours", 10))
                .json()
                .get("id")
                .asLong();
        var years = admin.post(
                "/api/v1/sla/policies",
                map(
                        "name",
                        unique("Years"),
                        "planId",
                        plan,
                        "calendarId",
                        id,
                        "targets",
                        List.of(map(
                                "priority", "LOW", "target", "RESOLUTION", "amount", 1000, "unit", "WORKING_DAYS"))));
        assertThat(years.status()).isEqualTo(400);
        assertThat(years.body()).contains("at most 260 working days");
        assertThat(admin.post(
                                "/api/v1/sla/calendars/" + id + "/preview",
                                map("start", "2026-11-27T16:00:00Z", "amount", 5000, "unit", "WORKING_DAYS"))
                        .status())
                .isEqualTo(400);
        var garbage =
                admin.postText("/api/v1/sla/calendars/" + id + "/holidays/import", "text/calendar", "not a calendar");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body()).contains("iCalendar");
        var agent = api(AgentRole.AGENT);
        assertThat(agent.post(
                                "/api/v1/sla/calendars",
                                map("name", unique("Mine"), "timeZone", "UTC", "aroundTheClock", true))
                        .status())
                .isEqualTo(403);
        assertThat(agent.get("/api/v1/sla/calendars/" + id).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/sla/calendars/999999").status()).isEqualTo(404);
    }

    @Test
    void policiesPerPlanGiveTicketsTheirClocksAndTheListsShowWhatIsLate() {
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        var admin = api(AgentRole.ADMIN);
        long id = calendar(admin, "09:00-17:00");
        long plan = admin.post("/api/v1/plans", map("name", unique("Gold"), "budgetHours", 10))
                .json()
                .get("id")
                .asLong();
        var created = admin.post(
                "/api/v1/sla/policies",
                map(
                        "name",
                        unique("Gold policy"),
                        "planId",
                        plan,
                        "calendarId",
                        id,
                        "atRiskPercent",
                        75,
                        "targets",
                        List.of(
                                map("priority", "HIGH", "target", "FIRST_RESPONSE", "amount", 60, "unit", "MINUTES"),
                                map("priority", "HIGH", "target", "RESOLUTION", "amount", 1, "unit", "WORKING_DAYS"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("pauseReasons").findValuesAsString("")).isEmpty();
        assertThat(created.json().get("pauseReasons").toString()).contains("CUSTOMER");
        assertThat(admin.post("/api/v1/sla/policies", map("name", unique("Second"), "calendarId", id))
                        .status())
                .isEqualTo(409);
        assertThat(admin.post("/api/v1/sla/policies", map("name", unique("Twice"), "planId", plan, "calendarId", id))
                        .status())
                .isEqualTo(409);
        String domain = unique("gold") + ".example";
        admin.post(
                "/api/v1/organizations", map("name", unique("Gold org"), "planId", plan, "domains", List.of(domain)));

        var agent = api(AgentRole.AGENT);
        var ticket = agent.post(
                "/api/v1/tickets",
                map(
                        "subject",
                        "Checkout down",
                        "body",
                        "All payments fail",
                        "priority",
                        "HIGH",
                        "requester",
                        map("email", "ops@" + domain, "name", "Ops")));
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        long ticketId = ticket.json().get("id").asLong();
        var sla = agent.get("/api/v1/tickets/" + ticketId + "/sla").json();
        assertThat(sla.get("policy").asString()).startsWith("Gold policy");
        var first = sla.get("targets").findValues("target").stream()
                .map(JsonNode::asString)
                .toList();
        assertThat(first).containsExactlyInAnyOrder("FIRST_RESPONSE", "RESOLUTION");
        assertThat(agent.get("/api/v1/tickets/99999999/sla").status()).isEqualTo(404);
        JsonNode onDesk = null;
        for (JsonNode r :
                agent.get("/api/v1/triage/desk?limit=500&sort=URGENCY").json().get("rows"))
            if (r.get("id").asLong() == ticketId) onDesk = r;
        assertThat(onDesk).as("the ticket on the triage desk").isNotNull();
        assertThat(onDesk.get("sla").get("target").asString()).isEqualTo("FIRST_RESPONSE");
        assertThat(onDesk.get("sla").get("dueAt").asString()).isEqualTo("2026-11-30T10:00:00Z");

        clock.advance(Duration.ofMinutes(50));
        assertThat(ids(agent.get("/api/v1/sla/at-risk?limit=500"))).contains(ticketId);
        clock.advance(Duration.ofMinutes(15));
        sweeper.sweep();
        assertThat(ids(agent.get("/api/v1/sla/breached?limit=500"))).contains(ticketId);
        assertThat(ids(agent.get("/api/v1/sla/at-risk?limit=500"))).doesNotContain(ticketId);
        assertThat(ids(agent.get("/api/v1/sla/stale?hours=1&limit=500"))).contains(ticketId);
        assertThat(ids(agent.get("/api/v1/sla/stale?hours=2&limit=500"))).doesNotContain(ticketId);
        var byPriority =
                agent.get("/api/v1/sla/stale?hours=1&sort=PRIORITY&limit=500").json().findValues("priority").stream()
                        .map(p -> List.of("CRITICAL", "HIGH", "NORMAL", "LOW").indexOf(p.asString()))
                        .toList();
        assertThat(byPriority).isSorted().isNotEmpty();
        var compliance = agent.get("/api/v1/sla/compliance?groupBy=PRIORITY&from=2026-11&to=2026-11");
        assertThat(compliance.status()).isEqualTo(200);
        JsonNode high = null;
        for (JsonNode row : compliance.json()) if (row.get("group").asString().equals("HIGH")) high = row;
        assertThat(high).isNotNull();
        assertThat(high.get("breached").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(agent.get("/api/v1/sla/breached?sort=SIDEWAYS").status()).isEqualTo(400);
        assertThat(agent.get("/api/v1/sla/compliance?from=November&to=2026-11").status())
                .isEqualTo(400);
        assertThat(agent.get("/api/v1/sla/breached?limit=0").status()).isEqualTo(400);
    }

    private static List<Long> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().findValues("ticketId").stream()
                .map(JsonNode::asLong)
                .toList();
    }
}

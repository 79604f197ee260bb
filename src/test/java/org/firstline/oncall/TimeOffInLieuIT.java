package org.firstline.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.firstline.oncall.internal.PageSender;
import org.firstline.oncall.internal.ToilDeliverySender;
import org.firstline.platform.AgentRole;
import org.firstline.sla.CalendarForm;
import org.firstline.sla.CalendarService;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Time off in lieu from real pages, against a table worked by hand (London, office hours Monday to Friday
 * 10:00–18:00, December so London is on UTC):
 *
 * <pre>
 * pages                               episode   woke  worked  out of hours  days
 * Wed 02:00, 02:20, 02:59             02:00     yes   45 min  45            0.50
 * Wed 03:00 (the hour does not slide) 03:00     no    130     130           0.25 + 2 × 0.25 = 0.75
 * Thu 23:50, Fri 00:40                23:50     yes   30      30            0.50
 * Mon 08:30, work into office hours   08:30     no    150     90            0.25 + 1 × 0.25 = 0.50
 * Mon 11:00 (in hours)                none
 * </pre>
 */
class TimeOffInLieuIT extends ApiTest {
    private static final TestMailServer MAIL = new TestMailServer("toil-desk@firstline.test");

    @Autowired
    Escalations escalations;

    @Autowired
    EscalationPolicies policies;

    @Autowired
    PageSender sender;

    @Autowired
    ToilDeliverySender hr;

    @Autowired
    CalendarService calendars;

    @AfterAll
    static void stopMail() {
        MAIL.close();
    }

    @Test
    @DisplayName(
            "episodes and days follow the rules on hand-worked cases; the lead approves; CSV and HR webhook get it")
    void handWorkedTable() throws Exception {
        MAIL.mailbox(api(AgentRole.ADMIN), "Toil desk");
        var person = newAgent(AgentRole.AGENT);
        var lead = newAgent(AgentRole.AGENT);
        var admin = api(AgentRole.ADMIN);
        admin.put("/api/v1/agents/" + person.id() + "/responsibilities", map("deliveryLeadId", lead.id()));
        long calendar = calendars
                .create(new CalendarForm(
                        unique("Office"),
                        "Europe/London",
                        false,
                        List.of(DayOfWeek.values()).stream()
                                .filter(d -> d.getValue() <= 5)
                                .map(d -> new CalendarForm.Hours(d, "10:00", "18:00"))
                                .toList()))
                .id();
        long policy = policies.create(new EscalationPolicyForm(
                        unique("Night"),
                        null,
                        null,
                        calendar,
                        0,
                        List.of(new EscalationPolicyForm.StepForm(5, List.of(EscalationTarget.agent(person.id()))))))
                .id();
        for (String at : List.of(
                "2026-12-02T02:00:00Z",
                "2026-12-02T02:20:00Z",
                "2026-12-02T02:59:00Z",
                "2026-12-02T03:00:00Z",
                "2026-12-03T23:50:00Z",
                "2026-12-04T00:40:00Z",
                "2026-12-07T08:30:00Z",
                "2026-12-07T11:00:00Z")) {
            page(policy, at);
        }
        var api = api(person);
        var episodes = api.get("/api/v1/toil/episodes?from=2026-12-01&to=2026-12-07")
                .json()
                .get("items");
        assertThat(episodes.size()).isEqualTo(4);
        assertThat(episodes.get(0).get("firstPage").asString()).isEqualTo("2026-12-02T02:00:00Z");
        assertThat(episodes.get(0).get("pages").size()).isEqualTo(3);
        assertThat(episodes.get(1).get("firstPage").asString()).isEqualTo("2026-12-02T03:00:00Z");
        assertThat(episodes.get(2).get("pages").size())
                .as("23:50 and 00:40 are one episode")
                .isEqualTo(2);
        assertThat(episodes.get(3).get("firstPage").asString()).isEqualTo("2026-12-07T08:30:00Z");
        assertThat(episodes.get(0).get("proposedDays").decimalValue()).isEqualByComparingTo("0.25");

        assertThat(claim(api, "2026-12-02T02:00:00Z", true, 45)).isEqualTo("0.50");
        assertThat(claim(api, "2026-12-02T03:00:00Z", false, 130)).isEqualTo("0.75");
        assertThat(claim(api, "2026-12-03T23:50:00Z", true, 30)).isEqualTo("0.50");
        assertThat(claim(api, "2026-12-07T08:30:00Z", false, 150)).isEqualTo("0.50");
        var notAnEpisode = api.post("/api/v1/toil/claims", map("episodeStart", "2026-12-07T11:00:00Z", "woke", false));
        assertThat(notAnEpisode.status()).isEqualTo(400);
        assertThat(notAnEpisode.body()).contains("episodeStart");
        var badDate = api.post("/api/v1/toil/claims", map("episodeStart", "last night", "woke", false));
        assertThat(badDate.body()).contains("episodeStart");
        assertThat(api.get("/api/v1/toil/claims?from=someday").body()).contains("from");

        long first = api.get("/api/v1/toil/claims?agentId=" + person.id() + "&from=2026-12-01&to=2026-12-31")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        assertThat(api.post("/api/v1/toil/claims/" + first + "/approve", map()).status())
                .as("never one's own")
                .isEqualTo(403);
        assertThat(api(AgentRole.AGENT)
                        .post("/api/v1/toil/claims/" + first + "/approve", map())
                        .status())
                .as("only the delivery lead")
                .isEqualTo(403);

        var received = new CopyOnWriteArrayList<String>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hr", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            assertThat(api.put("/api/v1/toil/settings", map("hrWebhookUrl", "http://127.0.0.1:1/x"))
                            .status())
                    .isEqualTo(403);
            assertThat(admin.put(
                                    "/api/v1/toil/settings",
                                    map(
                                            "hrWebhookUrl",
                                            "http://127.0.0.1:"
                                                    + server.getAddress().getPort() + "/hr"))
                            .json()
                            .get("hrWebhookSet")
                            .asBoolean())
                    .isTrue();
            var approved = api(lead).post("/api/v1/toil/claims/" + first + "/approve", map());
            assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
            assertThat(api(lead)
                            .post("/api/v1/toil/claims/" + first + "/reject", map())
                            .status())
                    .isEqualTo(409);
            while (hr.sendDue() > 0) {
                // until every due delivery is sent
            }
            assertThat(received)
                    .anySatisfy(body ->
                            assertThat(body).contains("\"claimId\":" + first, "\"days\":0.50", "toil.approved"));
        } finally {
            server.stop(0);
            admin.put("/api/v1/toil/settings", map("hrWebhookUrl", ""));
        }

        String csv = api.get("/api/v1/toil/claims/export?agentId=" + person.id() + "&from=2026-12-01&to=2026-12-31")
                .body();
        assertThat(csv.split("\r\n")).hasSize(5);
        assertThat(csv).contains("APPROVED", ",0.75,CONFIRMED");

        // woken: the lead hears of it by mail
        var told = api.post("/api/v1/toil/claims/" + first + "/tell-lead", map());
        assertThat(told.json().get("told").toString()).contains(lead.displayName());
        long second = api.get("/api/v1/toil/claims?agentId=" + person.id() + "&from=2026-12-01&to=2026-12-31")
                .json()
                .get("items")
                .get(1)
                .get("id")
                .asLong();
        assertThat(api.post("/api/v1/toil/claims/" + second + "/tell-lead", map())
                        .status())
                .as("that page did not wake them")
                .isEqualTo(409);
    }

    private void page(long policy, String at) {
        clock.set(Instant.parse(at));
        escalations.start(new EscalationRequest(
                SubjectKind.ALERT,
                ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2),
                policy,
                "Alert at " + at,
                true));
        sender.sendDue();
    }

    private static String claim(ApiClient api, String start, boolean woke, int minutes) {
        var response =
                api.post("/api/v1/toil/claims", map("episodeStart", start, "woke", woke, "minutesWorked", minutes));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("days").decimalValue().setScale(2).toPlainString();
    }
}

package org.firstline.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.time.Instant;
import java.util.List;
import org.firstline.directory.AgentView;
import org.firstline.handoff.internal.HandoffDrafter;
import org.firstline.platform.AgentRole;
import org.firstline.rota.MemberForm;
import org.firstline.rota.RotaPublishing;
import org.firstline.rota.RotationForm;
import org.firstline.rota.Rotations;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tilt's exterminator week, Wednesday 10:00 London to Wednesday: on its last day the handoff is drafted with the
 * week's load, the outgoing person is reminded and edits it, and the incoming one is shown it first.
 */
class HandoffIT extends ApiTest {
    private static final TestMailServer MAIL = new TestMailServer("handoffs@firstline.test");

    @Autowired
    Rotations rotations;

    @Autowired
    RotaPublishing publishing;

    @Autowired
    HandoffDrafter drafter;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopMail() {
        MAIL.close();
    }

    @Test
    @DisplayName(
            "the last day's draft counts unique non-staff requesters per day and lists the week's tickets; outgoing edits, incoming reads first")
    void exterminatorHandoff() {
        var admin = api(AgentRole.ADMIN);
        MAIL.mailbox(admin, "Handoffs");
        var outgoing = newAgent(AgentRole.AGENT);
        var incoming = newAgent(AgentRole.AGENT);
        long team = admin.post(
                        "/api/v1/teams",
                        map("name", unique("Tilt"), "memberIds", List.of(outgoing.id(), incoming.id())))
                .json()
                .get("id")
                .asLong();
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        var rota = rotations.create(new RotationForm(
                unique("Exterminator"),
                team,
                "TRIAGE_DESK",
                "WEDNESDAY",
                "10:00",
                "Europe/London",
                7,
                null,
                null,
                "2026-12-02",
                null));
        rotations.setMembers(
                rota.id(),
                List.of(new MemberForm(outgoing.id(), null, false), new MemberForm(incoming.id(), null, false)));
        assertThat(publishing.publish(rota.id(), true).published()).isTrue();

        String a = unique("Crash on start");
        String b = unique("Cannot log in");
        open(admin, team, "2026-12-03T11:00:00Z", a, unique("ann") + "@users.test", false);
        open(admin, team, "2026-12-03T15:00:00Z", b, unique("bob") + "@users.test", false);
        open(admin, team, "2026-12-04T09:30:00Z", unique("Docs typo"), unique("cy") + "@users.test", false);
        open(admin, team, "2026-12-04T10:00:00Z", unique("Staff asking"), outgoing.email(), false);
        open(admin, team, "2026-12-04T11:00:00Z", unique("Our own bug"), unique("dee") + "@users.test", true);

        clock.set(Instant.parse("2026-12-08T11:00:00Z"));
        assertThat(mine(outgoing))
                .as("not yet: the shift ends tomorrow at 10:00")
                .isEmpty();
        clock.set(Instant.parse("2026-12-08T12:00:00Z"));
        drafter.draftDue();
        drafter.draftDue();
        var drafted = mine(outgoing);
        assertThat(drafted).as("once, however often the drafter runs").hasSize(1);
        long id = drafted.getFirst().id();
        var handoff = api(outgoing).get("/api/v1/handoffs/" + id).json();
        String draft = handoff.get("draft").asString();
        assertThat(handoff.get("incomingAgentId").asLong()).isEqualTo(incoming.id());
        assertThat(draft)
                .contains("Unique requesters per day", "Thu 2026-12-03: 2", "Fri 2026-12-04: 1", a, b, "Open tickets")
                .as("the staff member and the internal ticket are not load")
                .doesNotContain("Fri 2026-12-04: 2", "Fri 2026-12-04: 3");
        assertThat(jdbc.sql(
                                "select count(*) from outbound_email where ? = any(recipients) and body like '%/handoffs/%'")
                        .param(outgoing.email())
                        .query(Integer.class)
                        .single())
                .as("the outgoing person is reminded once")
                .isEqualTo(1);

        assertThat(api(incoming)
                        .put("/api/v1/handoffs/" + id, map("body", "mine now"))
                        .status())
                .isEqualTo(403);
        var blank = api(outgoing).put("/api/v1/handoffs/" + id, map("body", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("body");
        var edited =
                api(outgoing).put("/api/v1/handoffs/" + id, map("body", draft + "Watch #1234: the customer is upset."));
        assertThat(edited.json().get("body").asString()).endsWith("the customer is upset.");

        var desk = signedIn(incoming);
        assertThat(desk.get("/handoffs/banner").body()).contains("waits for you", "/handoffs/" + id);
        String page = desk.get("/handoffs/" + id).body();
        assertThat(page).contains("the customer is upset", "I have read it");
        assertThat(desk.postForm("/handoffs/" + id + "/read", java.util.Map.of("_csrf", ApiClient.csrfToken(page)))
                        .status())
                .isEqualTo(302);
        assertThat(desk.get("/handoffs/banner").body()).doesNotContain("waits for you");
        assertThat(api(outgoing)
                        .put("/api/v1/handoffs/" + id, map("body", "too late"))
                        .status())
                .isEqualTo(409);
    }

    private List<HandoffView> mine(AgentView agent) {
        return java.util.stream.StreamSupport.stream(
                        api(agent)
                                .get("/api/v1/handoffs?mine=true")
                                .json()
                                .get("items")
                                .spliterator(),
                        false)
                .map(n -> new HandoffView(
                        n.get("id").asLong(),
                        0,
                        "",
                        "",
                        Instant.EPOCH,
                        Instant.EPOCH,
                        null,
                        null,
                        null,
                        null,
                        "",
                        "",
                        null,
                        null))
                .toList();
    }

    private void open(ApiClient admin, long team, String at, String subject, String email, boolean internal) {
        clock.set(Instant.parse(at));
        var opened = admin.post(
                "/api/v1/tickets",
                map("subject", subject, "body", "Help", "requester", map("email", email), "internal", internal));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        admin.patch("/api/v1/tickets/" + opened.json().get("id").asLong(), map("teamId", team));
    }
}

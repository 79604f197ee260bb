package org.firstline.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.firstline.directory.AgentView;
import org.firstline.oncall.internal.EscalationEngine;
import org.firstline.oncall.internal.PageSender;
import org.firstline.platform.AgentRole;
import org.firstline.rota.MemberForm;
import org.firstline.rota.RotaPublishing;
import org.firstline.rota.RotationForm;
import org.firstline.rota.Rotations;
import org.firstline.sla.CalendarForm;
import org.firstline.sla.CalendarService;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Journeys through an escalation with the clock moved by hand. Every message the engine sends is captured (its page
 * rows and the mail queued for them) and compared whole after each step, so an extra page fails the test.
 */
class EscalationJourneyIT extends ApiTest {
    private static final TestMailServer MAIL = new TestMailServer("oncall-desk@firstline.test");
    // Wednesday 2 December 2026, 03:00 in London (GMT): out of hours
    private static final Instant NIGHT = Instant.parse("2026-12-02T03:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EscalationPolicies policies;

    @Autowired
    Escalations escalations;

    @Autowired
    EscalationEngine engine;

    @Autowired
    PageSender sender;

    @Autowired
    CalendarService calendars;

    @Autowired
    Rotations rotations;

    @Autowired
    RotaPublishing publishing;

    @Autowired
    org.firstline.directory.TeamService teams;

    @Autowired
    org.firstline.oncall.internal.AlertPaging paging;

    @Autowired
    org.firstline.oncall.Alerts alerts;

    long calendar;
    AgentView onCall;
    AgentView secondLine;

    @AfterAll
    static void stopMail() {
        MAIL.close();
    }

    @BeforeEach
    void setUp() {
        clock.set(NIGHT);
        MAIL.mailbox(api(AgentRole.ADMIN), "On call desk");
        calendar = calendars
                .create(new CalendarForm(
                        unique("Office"),
                        "Europe/London",
                        false,
                        List.of(DayOfWeek.values()).stream()
                                .filter(d -> d.getValue() <= 5)
                                .map(d -> new CalendarForm.Hours(d, "10:00", "18:00"))
                                .toList()))
                .id();
        onCall = newAgent(AgentRole.AGENT);
        secondLine = newAgent(AgentRole.AGENT);
    }

    @Test
    @DisplayName(
            "3 a.m.: the on-call person is paged once; nobody acknowledges; an empty step is skipped at once; second line five minutes later")
    void unacknowledgedPageGoesToSecondLineAfterFiveMinutes() {
        long emptyRota = rotations
                .create(new RotationForm(
                        unique("Nobody yet"),
                        null,
                        "ON_CALL",
                        "WEDNESDAY",
                        "10:00",
                        "Europe/London",
                        7,
                        null,
                        null,
                        null,
                        null))
                .id();
        var policy = policy(
                List.of(EscalationTarget.agent(onCall.id())),
                List.of(EscalationTarget.rota(emptyRota)),
                List.of(EscalationTarget.agent(secondLine.id())));
        var escalation = escalations.start(
                new EscalationRequest(SubjectKind.ALERT, subject(), policy, "Disk full on db-1", true));
        tick();
        assertThat(sent(escalation.id())).containsExactly("0/" + onCall.username());
        assertThat(mailTo(onCall)).singleElement().asString().contains("Disk full on db-1", "/pages/");
        assertThat(jdbc.sql("select bool_and(out_of_hours) from page where escalation_id = ?")
                        .param(escalation.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        tick();
        assertThat(sent(escalation.id())).as("nothing before five minutes").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        tick();
        assertThat(sent(escalation.id()))
                .as("the empty rota step is skipped at once, straight to second line")
                .containsExactly("0/" + onCall.username(), "2/" + secondLine.username());
        assertThat(mailTo(secondLine)).hasSize(1);

        clock.advance(Duration.ofMinutes(30));
        tick();
        assertThat(sent(escalation.id()))
                .as("no repeat: the policy repeats 0 times")
                .hasSize(2);
        assertThat(escalations.get(escalation.id()).note()).contains("nobody acknowledged");
        // a resend of the same alert is the same escalation, not new pages
        var again = escalations.start(
                new EscalationRequest(SubjectKind.ALERT, escalation.subjectId(), policy, "Disk full on db-1", true));
        assertThat(again.id()).isEqualTo(escalation.id());
        tick();
        assertThat(sent(escalation.id())).hasSize(2);

        // the last step empty: it says it paged what it could, not that there was nobody at all
        var shortPolicy =
                policy(List.of(EscalationTarget.agent(onCall.id())), List.of(EscalationTarget.rota(emptyRota)));
        var ending =
                escalations.start(new EscalationRequest(SubjectKind.ALERT, subject(), shortPolicy, "Swap full", true));
        clock.advance(Duration.ofMinutes(6));
        tick();
        assertThat(escalations.get(ending.id()).note()).startsWith("Paged every step that had someone to page");
    }

    @Test
    @DisplayName("acknowledging through the page's link stops the escalation: no second line, no later pages")
    void acknowledgementStopsIt() {
        var policy =
                policy(List.of(EscalationTarget.agent(onCall.id())), List.of(EscalationTarget.agent(secondLine.id())));
        var escalation =
                escalations.start(new EscalationRequest(SubjectKind.ALERT, subject(), policy, "API 500s", true));
        tick();
        String mail = mailTo(onCall).getFirst();
        var link = Pattern.compile("/pages/([A-Za-z0-9_-]{20,})").matcher(mail);
        assertThat(link.find()).isTrue();

        clock.advance(Duration.ofMinutes(2));
        var browser = ApiClient.anonymous(port).withCookies();
        String page = browser.get("/pages/" + link.group(1), "text/html").body();
        assertThat(page).contains("API 500s", "Acknowledge");
        var acknowledged = browser.postForm(
                "/pages/" + link.group(1) + "/acknowledge", java.util.Map.of("_csrf", ApiClient.csrfToken(page)));
        assertThat(acknowledged.status()).isEqualTo(302);
        var after = escalations.get(escalation.id());
        assertThat(after.status()).isEqualTo(EscalationStatus.ACKNOWLEDGED);
        assertThat(after.acknowledgedBy()).isEqualTo(onCall.id());

        clock.advance(Duration.ofMinutes(20));
        tick();
        assertThat(sent(escalation.id())).containsExactly("0/" + onCall.username());
        assertThat(mailTo(secondLine)).isEmpty();
        assertThat(ApiClient.anonymous(port)
                        .get("/pages/not-a-real-token-at-all-000000", "text/html")
                        .status())
                .isEqualTo(404);

        // resolved over the API by anyone who can write; a resolved one cannot be acknowledged again
        var api = api(secondLine);
        assertThat(api.post("/api/v1/escalations/" + escalation.id() + "/resolve", map())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("RESOLVED");
        assertThat(api.post("/api/v1/escalations/" + escalation.id() + "/acknowledge", map())
                        .status())
                .isEqualTo(409);
    }

    @Test
    @DisplayName("a low-severity alert at night pages nobody and goes to first line when its hours begin")
    void lowSeverityWaitsForTheMorning() {
        var firstLine = newAgent(AgentRole.AGENT);
        long team = api(AgentRole.ADMIN)
                .post("/api/v1/teams", map("name", unique("Platform"), "memberIds", List.of(firstLine.id())))
                .json()
                .get("id")
                .asLong();
        // planned from a week before, so the shift of that Wednesday exists
        clock.set(NIGHT.minus(Duration.ofDays(7)));
        var rota = rotations.create(new RotationForm(
                unique("First line"),
                team,
                "FIRST_LINE",
                "WEDNESDAY",
                "00:00",
                "Europe/London",
                7,
                null,
                null,
                "2026-11-25",
                null));
        rotations.setMembers(rota.id(), List.of(new MemberForm(firstLine.id(), null, false)));
        assertThat(publishing.publish(rota.id(), true).published()).isTrue();
        clock.set(NIGHT);
        long policy = policies.create(new EscalationPolicyForm(
                        unique("Platform"),
                        null,
                        team,
                        calendar,
                        0,
                        List.of(new EscalationPolicyForm.StepForm(5, List.of(EscalationTarget.agent(onCall.id()))))))
                .id();

        var escalation = escalations.start(
                new EscalationRequest(SubjectKind.ALERT, subject(), policy, "Certificate expires in 20 days", false));
        assertThat(escalation.status()).isEqualTo(EscalationStatus.WAITING);
        assertThat(escalation.waitUntil()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        clock.set(Instant.parse("2026-12-02T09:59:00Z"));
        tick();
        assertThat(sent(escalation.id())).isEmpty();

        clock.set(Instant.parse("2026-12-02T10:00:00Z"));
        tick();
        assertThat(sent(escalation.id()))
                .as(String.valueOf(escalations.get(escalation.id()).note()))
                .containsExactly("-2/" + firstLine.username());
        assertThat(mailTo(onCall))
                .as("the on-call person is never woken for it")
                .isEmpty();
        assertThat(escalations.get(escalation.id()).status()).isEqualTo(EscalationStatus.HANDED_OVER);
        clock.advance(Duration.ofHours(2));
        tick();
        assertThat(sent(escalation.id())).hasSize(1);
    }

    @Test
    @DisplayName("policies are checked field by field and only admins write them")
    void policiesAreChecked() {
        var admin = api(AgentRole.ADMIN);
        var noSteps = admin.post("/api/v1/escalation-policies", map("name", unique("P"), "steps", List.of()));
        assertThat(noSteps.status()).isEqualTo(400);
        assertThat(noSteps.body()).contains("steps");
        var badAgent = onePolicyStep(admin, map("targets", List.of(map("kind", "AGENT", "agentId", 987654321))));
        assertThat(badAgent.status()).isEqualTo(400);
        assertThat(badAgent.body()).contains("steps[0].targets[0].agentId");
        var twoIds = onePolicyStep(
                admin, map("targets", List.of(map("kind", "AGENT", "agentId", onCall.id(), "rotationId", 1))));
        assertThat(twoIds.status()).isEqualTo(400);
        assertThat(twoIds.body()).contains("steps[0].targets[0]");
        var badDelay = onePolicyStep(
                admin, map("delayMinutes", 0, "targets", List.of(map("kind", "AGENT", "agentId", onCall.id()))));
        assertThat(badDelay.body()).contains("steps[0].delayMinutes");
        var good = map(
                "name",
                unique("P"),
                "steps",
                List.of(map("targets", List.of(map("kind", "AGENT", "agentId", onCall.id())))));
        assertThat(api(AgentRole.AGENT)
                        .post("/api/v1/escalation-policies", good)
                        .status())
                .isEqualTo(403);
        var created = admin.post("/api/v1/escalation-policies", good);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("steps").get(0).get("delayMinutes").asInt())
                .as("5 minutes by default")
                .isEqualTo(5);
        assertThat(admin.post("/api/v1/escalation-policies", good).status()).isEqualTo(409);
    }

    @Test
    @DisplayName("on the desk: an admin writes a policy on its page; people escalate by hand and add a responder")
    void deskPages() {
        var admin = signedIn(newAgent(AgentRole.ADMIN));
        String form = admin.get("/admin/escalation-policies").body();
        String name = unique("Night");
        var saved = admin.postForm(
                "/admin/escalation-policies",
                java.util.Map.of(
                        "_csrf",
                        ApiClient.csrfToken(form),
                        "name",
                        name,
                        "calendarId",
                        String.valueOf(calendar),
                        "step0Delay",
                        "5",
                        "step0Targets",
                        "AGENT:" + onCall.id(),
                        "step1Delay",
                        "5",
                        "step1Targets",
                        "AGENT:" + secondLine.id()));
        assertThat(saved.status()).isEqualTo(302);
        long policy = policies.list().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(policies.get(policy).steps()).hasSize(2);
        String written = admin.get("/admin/escalation-policies").body();
        String mine = written.substring(written.indexOf("<h2>" + name + "</h2>"));
        assertThat(mine.substring(0, mine.indexOf("after the last step")))
                .as("targets by name, not by id")
                .contains(onCall.displayName(), secondLine.displayName())
                .endsWith("Stops ");

        var escalation = escalations.start(
                new EscalationRequest(SubjectKind.ALERT, subject(), policy, "Queue backing up", true));
        tick();
        var desk = signedIn(onCall);
        String page = desk.get("/oncall/escalations/" + escalation.id()).body();
        assertThat(page).contains("Queue backing up", "Escalate to the next level", onCall.displayName());
        assertThat(desk.get("/oncall").body()).contains("Queue backing up");
        String csrf = ApiClient.csrfToken(page);
        assertThat(desk.postForm(
                                "/oncall/escalations/" + escalation.id() + "/escalate", java.util.Map.of("_csrf", csrf))
                        .status())
                .isEqualTo(302);
        var responder = newAgent(AgentRole.AGENT);
        desk.postForm(
                "/oncall/escalations/" + escalation.id() + "/responders",
                java.util.Map.of("_csrf", csrf, "agentId", String.valueOf(responder.id())));
        tick();
        assertThat(sent(escalation.id()))
                .as("second line by hand, before its five minutes; the responder once")
                .containsExactly("0/" + onCall.username(), "1/" + secondLine.username(), "-1/" + responder.username());
        desk.postForm(
                "/oncall/escalations/" + escalation.id() + "/responders",
                java.util.Map.of("_csrf", csrf, "agentId", String.valueOf(responder.id())));
        tick();
        assertThat(sent(escalation.id())).hasSize(3);
        assertThat(jdbc.sql("select bool_and(out_of_hours) from page where escalation_id = ? and step_position = -1")
                        .param(escalation.id())
                        .query(Boolean.class)
                        .single())
                .as("a responder paged at night counts towards time off in lieu")
                .isTrue();
        assertThat(signedIn(newAgent(AgentRole.AGENT))
                        .get("/admin/escalation-policies")
                        .status())
                .isEqualTo(403);
    }

    @Test
    @DisplayName(
            "a ticket turning critical at night pages when its organization's plan has 24/7 cover, not otherwise; resolving it stops the paging")
    void criticalTicketsOfRoundTheClockPlansPage() {
        var admin = api(AgentRole.ADMIN);
        long team = admin.post("/api/v1/teams", map("name", unique("Hub ops"), "memberIds", List.of(onCall.id())))
                .json()
                .get("id")
                .asLong();
        policies.create(new EscalationPolicyForm(
                unique("Hub nights"),
                null,
                team,
                calendar,
                0,
                List.of(new EscalationPolicyForm.StepForm(5, List.of(EscalationTarget.agent(onCall.id()))))));
        long always = admin.post(
                        "/api/v1/plans",
                        map("name", unique("24/7"), "budgetHours", 20, "budgetPeriod", "MONTH", "aroundTheClock", true))
                .json()
                .get("id")
                .asLong();
        long office = admin.post("/api/v1/plans", map("name", unique("Office"), "budgetHours", 20))
                .json()
                .get("id")
                .asLong();
        long covered = critical(admin, always, team);
        long uncovered = critical(admin, office, team);
        assertThat(escalations.openFor(SubjectKind.TICKET, uncovered))
                .as("no 24/7 cover")
                .isEmpty();
        var escalation = escalations.openFor(SubjectKind.TICKET, covered).orElseThrow();
        tick();
        assertThat(sent(escalation.id())).containsExactly("0/" + onCall.username());
        assertThat(escalation.summary()).startsWith("Critical ticket #");

        var agent = api(onCall);
        var resolved = agent.patch(
                "/api/v1/tickets/" + covered,
                map("status", "RESOLVED", "resolution", "CODE_FIX", "resolutionLink", "https://git.example.test/pr/1"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(escalations.get(escalation.id()).status()).isEqualTo(EscalationStatus.RESOLVED);

        clock.set(Instant.parse("2026-12-02T11:00:00Z"));
        long inHours = critical(admin, always, team);
        assertThat(escalations.openFor(SubjectKind.TICKET, inHours))
                .as("in hours the desk has it")
                .isEmpty();
    }

    @Test
    @DisplayName(
            "a critical ticket moved at night to a team whose hours are over pages then, once; a later edit does not")
    void aCriticalTicketPagesWhenItGetsItsTeam() {
        var admin = api(AgentRole.ADMIN);
        long dayTeam = admin.post("/api/v1/teams", map("name", unique("Sydney desk")))
                .json()
                .get("id")
                .asLong();
        long nightTeam = admin.post("/api/v1/teams", map("name", unique("London ops")))
                .json()
                .get("id")
                .asLong();
        long allDay = calendars
                .create(new CalendarForm(
                        unique("Always open"),
                        "Europe/London",
                        false,
                        List.of(DayOfWeek.values()).stream()
                                .map(d -> new CalendarForm.Hours(d, "00:00", "23:59"))
                                .toList()))
                .id();
        for (long[] t : new long[][] {{dayTeam, allDay}, {nightTeam, calendar}}) {
            policies.create(new EscalationPolicyForm(
                    unique("Nights"),
                    null,
                    t[0],
                    t[1],
                    0,
                    List.of(new EscalationPolicyForm.StepForm(5, List.of(EscalationTarget.agent(onCall.id()))))));
        }
        long always = admin.post(
                        "/api/v1/plans",
                        map("name", unique("24/7"), "budgetHours", 20, "budgetPeriod", "MONTH", "aroundTheClock", true))
                .json()
                .get("id")
                .asLong();
        long org = admin.post("/api/v1/organizations", map("name", unique("Hub"), "planId", always))
                .json()
                .get("id")
                .asLong();
        var opened = admin.post(
                "/api/v1/tickets",
                map(
                        "subject",
                        unique("Portal down"),
                        "body",
                        "Nothing loads",
                        "impact",
                        "DATA_LOSS",
                        "teamId",
                        dayTeam,
                        "organizationId",
                        org,
                        "requester",
                        map("email", unique("nurse") + "@hub.test")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long ticket = opened.json().get("id").asLong();
        assertThat(escalations.openFor(SubjectKind.TICKET, ticket))
                .as("the team it came in with is at work")
                .isEmpty();
        assertThat(admin.patch("/api/v1/tickets/" + ticket, map("teamId", nightTeam))
                        .status())
                .isEqualTo(200);
        var escalation = escalations.openFor(SubjectKind.TICKET, ticket).orElseThrow();
        assertThat(escalation.summary()).startsWith("Critical ticket #");
        escalations.resolve(escalation.id(), onCall.id());
        admin.patch("/api/v1/tickets/" + ticket, map("impact", "OUTAGE"));
        assertThat(escalations.openFor(SubjectKind.TICKET, ticket))
                .as("resolved by a person: an edit does not page again")
                .isEmpty();
    }

    private ApiClient.Response onePolicyStep(ApiClient admin, Object step) {
        return admin.post("/api/v1/escalation-policies", map("name", unique("P"), "steps", List.of(step)));
    }

    private long critical(ApiClient admin, long plan, long team) {
        long org = admin.post("/api/v1/organizations", map("name", unique("Hub"), "planId", plan))
                .json()
                .get("id")
                .asLong();
        var opened = admin.post(
                "/api/v1/tickets",
                map(
                        "subject",
                        unique("Hub down"),
                        "body",
                        "Nothing loads",
                        "impact",
                        "MINOR",
                        "organizationId",
                        org,
                        "requester",
                        map("email", unique("user") + "@hub.test")));
        long ticket = opened.json().get("id").asLong();
        assertThat(admin.patch("/api/v1/tickets/" + ticket, map("teamId", team)).status())
                .isEqualTo(200);
        var critical = admin.patch("/api/v1/tickets/" + ticket, map("impact", "DATA_LOSS"));
        assertThat(critical.json().get("critical").asBoolean())
                .as(critical.body())
                .isTrue();
        return ticket;
    }

    @Test
    @DisplayName("resolving an alert's escalation by hand resolves the alert; the monitor's next firing is a new alert")
    void resolvingByHandResolvesTheAlert() throws Exception {
        var policy = policy(List.of(EscalationTarget.agent(onCall.id())));
        var created = AlertmanagerIntakeIT.source(
                api(AgentRole.ADMIN), teams, "ALERTMANAGER", java.util.Map.of("escalationPolicyId", policy));
        var alertmanager = ApiClient.bearer(port, created.path("token").asString());
        String key = unique("group");
        long alert = alertmanager
                .postRaw("/api/v1/hooks/alertmanager", AlertmanagerIntakeIT.fixture("firing.json", key))
                .json()
                .path("alertId")
                .asLong();
        paging.catchUp();
        var escalation = escalations.openFor(SubjectKind.ALERT, alert).orElseThrow();
        assertThat(signedIn(onCall)
                        .get("/oncall/escalations/" + escalation.id())
                        .body())
                .as("the escalation links its alert")
                .contains("href=\"/alerts/" + alert + "\"");
        var resolved = api(onCall).post("/api/v1/escalations/" + escalation.id() + "/resolve", java.util.Map.of());
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(alerts.get(alert).status()).isEqualTo(org.firstline.oncall.AlertStatus.RESOLVED);
        long again = alertmanager
                .postRaw("/api/v1/hooks/alertmanager", AlertmanagerIntakeIT.fixture("firing.json", key))
                .json()
                .path("alertId")
                .asLong();
        assertThat(again).as("still firing: not fixed").isNotEqualTo(alert);
        paging.catchUp();
        assertThat(escalations.openFor(SubjectKind.ALERT, again)).isPresent();
    }

    @Test
    @DisplayName(
            "Alertmanager at 3 a.m.: on call paged once however often it is resent, second line five minutes later, resolved by Alertmanager")
    void alertmanagerJourney() throws Exception {
        var policy =
                policy(List.of(EscalationTarget.agent(onCall.id())), List.of(EscalationTarget.agent(secondLine.id())));
        var created = AlertmanagerIntakeIT.source(
                api(AgentRole.ADMIN), teams, "ALERTMANAGER", java.util.Map.of("escalationPolicyId", policy));
        var alertmanager = ApiClient.bearer(port, created.path("token").asString());
        String key = unique("group");
        var fired =
                alertmanager.postRaw("/api/v1/hooks/alertmanager", AlertmanagerIntakeIT.fixture("firing.json", key));
        assertThat(fired.status()).as(fired.body()).isEqualTo(200);
        long alert = fired.json().path("alertId").asLong();
        assertThat(escalations.openFor(SubjectKind.ALERT, alert))
                .as("the request does not wait for paging")
                .isEmpty();
        paging.catchUp();
        var escalation = escalations.openFor(SubjectKind.ALERT, alert).orElseThrow();
        tick();
        assertThat(sent(escalation.id())).containsExactly("0/" + onCall.username());
        alertmanager.postRaw("/api/v1/hooks/alertmanager", AlertmanagerIntakeIT.fixture("firing.json", key));
        paging.catchUp();
        clock.advance(Duration.ofMinutes(2));
        tick();
        assertThat(sent(escalation.id()))
                .as("a resend and the engine's catch-up page nobody again")
                .hasSize(1);
        clock.advance(Duration.ofMinutes(3));
        tick();
        assertThat(sent(escalation.id())).containsExactly("0/" + onCall.username(), "1/" + secondLine.username());
        alertmanager.postRaw("/api/v1/hooks/alertmanager", AlertmanagerIntakeIT.fixture("resolved.json", key));
        assertThat(escalations.get(escalation.id()).status()).isEqualTo(EscalationStatus.RESOLVED);
        paging.catchUp();
        assertThat(escalations.openFor(SubjectKind.ALERT, alert))
                .as("resolved stays resolved")
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from escalation where subject_kind = 'ALERT' and subject_id = ?")
                        .param(alert)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    @DisplayName(
            "each person's own rules: webhook at 0 minutes, email at 2; the team's Slack channel; acknowledging cancels what is not sent")
    void contactMethodsAndChannels() throws Exception {
        var received = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            var me = api(onCall);
            assertThat(me.post(
                                    "/api/v1/people/" + onCall.id() + "/contact-methods",
                                    map("kind", "WEBHOOK", "url", base + "/sms", "delayMinutes", 0))
                            .status())
                    .isEqualTo(201);
            assertThat(me.post(
                                    "/api/v1/people/" + onCall.id() + "/contact-methods",
                                    map("kind", "EMAIL", "email", onCall.email(), "delayMinutes", 2))
                            .status())
                    .isEqualTo(201);
            assertThat(me.get("/api/v1/people/" + onCall.id() + "/contact-methods")
                            .body())
                    .contains("127.0.0.1")
                    .doesNotContain("/sms");
            assertThat(api(secondLine)
                            .post(
                                    "/api/v1/people/" + onCall.id() + "/contact-methods",
                                    map("kind", "EMAIL", "email", "x@y.test"))
                            .status())
                    .as("only the person or an admin")
                    .isEqualTo(403);
            assertThat(api(secondLine)
                            .get("/api/v1/people/" + onCall.id() + "/contact-methods")
                            .status())
                    .as("personal addresses: not for colleagues")
                    .isEqualTo(403);
            assertThat(api(AgentRole.ADMIN)
                            .get("/api/v1/people/" + onCall.id() + "/contact-methods")
                            .status())
                    .isEqualTo(200);
            var internal = me.post(
                    "/api/v1/people/" + onCall.id() + "/contact-methods",
                    map("kind", "WEBHOOK", "url", "http://10.0.0.5/x"));
            assertThat(internal.status()).isEqualTo(400);
            assertThat(internal.body()).contains("url");
            long team = api(AgentRole.ADMIN)
                    .post("/api/v1/teams", map("name", unique("Ops"), "memberIds", List.of()))
                    .json()
                    .get("id")
                    .asLong();
            api(AgentRole.ADMIN)
                    .put("/api/v1/integrations/teams/" + team + "/channel", map("slackWebhook", base + "/slack"));

            var policy = policy(List.of(EscalationTarget.agent(onCall.id()), EscalationTarget.channel(team)));
            var escalation = escalations.start(
                    new EscalationRequest(SubjectKind.ALERT, subject(), policy, "Payments failing", true));
            tick();
            assertThat(received).hasSize(2);
            assertThat(received)
                    .anySatisfy(r -> assertThat(r).startsWith("/sms ").contains("Payments failing", "respondUrl"));
            assertThat(received)
                    .anySatisfy(r -> assertThat(r).startsWith("/slack ").contains("Payments failing", "/pages/"));
            assertThat(mailTo(onCall)).as("email waits its 2 minutes").isEmpty();
            clock.advance(Duration.ofMinutes(1));
            escalations.acknowledge(escalation.id(), onCall.id());
            clock.advance(Duration.ofMinutes(5));
            tick();
            assertThat(mailTo(onCall)).as("cancelled by the acknowledgement").isEmpty();
            assertThat(received).hasSize(2);
            assertThat(escalations.get(escalation.id()).pages())
                    .extracting(PageView::method, PageView::status)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("WEBHOOK", "SENT"),
                            org.assertj.core.groups.Tuple.tuple("EMAIL", "CANCELLED"),
                            org.assertj.core.groups.Tuple.tuple("SLACK", "SENT"));
        } finally {
            server.stop(0);
        }
    }

    private long policy(List<EscalationTarget>... steps) {
        return policies.create(new EscalationPolicyForm(
                        unique("Policy"),
                        null,
                        null,
                        calendar,
                        0,
                        java.util.Arrays.stream(steps)
                                .map(t -> new EscalationPolicyForm.StepForm(null, t))
                                .toList()))
                .id();
    }

    private void tick() {
        engine.advanceDue();
        engine.wakeWaiting();
        sender.sendDue();
    }

    /** Every page sent for the escalation, as "step/username", in order. */
    private List<String> sent(long escalationId) {
        return jdbc.sql("""
                        select p.step_position || '/' || a.username from page p join agent a on a.id = p.agent_id
                        where p.escalation_id = ? and p.status = 'SENT' order by p.id""").param(escalationId).query(String.class).list();
    }

    private List<String> mailTo(AgentView agent) {
        return jdbc.sql("select body from outbound_email where kind = 'PAGE' and ? = any(recipients) order by id")
                .param(agent.email())
                .query(String.class)
                .list();
    }

    private static long subject() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
    }
}

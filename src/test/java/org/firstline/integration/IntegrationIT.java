package org.firstline.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.firstline.directory.AgentView;
import org.firstline.directory.OrganizationForm;
import org.firstline.directory.OrganizationService;
import org.firstline.directory.TeamForm;
import org.firstline.directory.TeamService;
import org.firstline.integration.internal.DeliverySender;
import org.firstline.integration.internal.IssueWatcher;
import org.firstline.integration.internal.WebhookSignature;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Slack, Trello, webhooks, GitHub and Shortcut, each a real local HTTP server (okhttp MockWebServer). */
class IntegrationIT extends ApiTest {
    @Autowired
    TeamService teams;

    @Autowired
    OrganizationService organizations;

    @Autowired
    DeliverySender sender;

    @Autowired
    IssueWatcher watcher;

    @Autowired
    JdbcClient jdbc;

    MockWebServer slack;
    MockWebServer trello;
    MockWebServer hooks;
    MockWebServer github;
    MockWebServer shortcut;
    ApiClient admin;

    @BeforeEach
    void servers() throws Exception {
        slack = started();
        trello = started();
        hooks = started();
        github = started();
        shortcut = started();
        admin = api(AgentRole.ADMIN);
        var saved = admin.patch(
                "/api/v1/integrations/settings",
                map(
                        "slackSupportWebhook",
                        slack.url("/services/SUPPORT").toString(),
                        "trelloBaseUrl",
                        trello.url("/").toString(),
                        "trelloKey",
                        "trello-key",
                        "trelloToken",
                        "trello-token",
                        "githubBaseUrl",
                        github.url("/").toString(),
                        "githubRepository",
                        "acme/hub",
                        "githubToken",
                        "gh-token",
                        "githubWebhookSecret",
                        "hook-secret",
                        "githubPlanningRepository",
                        "acme/planning",
                        "shortcutBaseUrl",
                        shortcut.url("/").toString(),
                        "shortcutToken",
                        "sc-token",
                        "shortcutWorkflowStateId",
                        500000007,
                        "sprintDays",
                        14));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        for (var server : List.of(slack, trello, hooks, github, shortcut)) server.close();
        // leave no pending work and no subscriber for the next test
        jdbc.sql("update delivery set status = 'GIVEN_UP' where status = 'PENDING'")
                .update();
        jdbc.sql("delete from webhook_subscription").update();
    }

    private static MockWebServer started() throws Exception {
        var server = new MockWebServer();
        server.start();
        return server;
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).body(body).build();
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder()
                .code(code)
                .body("{\"message\":\"nope\"}")
                .build();
    }

    private long team(String name, AgentView... members) {
        return teams.create(new TeamForm(
                        unique(name),
                        "",
                        java.util.Arrays.stream(members).map(AgentView::id).toList()))
                .id();
    }

    private JsonNode open(ApiClient api, String subject, Object... extra) {
        var fields = new java.util.LinkedHashMap<String, Object>(map(
                "subject",
                subject,
                "body",
                "The export page fails with an error.",
                "requester",
                map("email", unique("req") + "@example.org", "name", "Rita")));
        for (int i = 0; i < extra.length; i += 2) fields.put((String) extra[i], extra[i + 1]);
        var r = api.post("/api/v1/tickets", fields);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void anAssignmentTellsTheTeamsSlackChannelTrelloListAndSignedWebhooks() throws Exception {
        var maya = newAgent(AgentRole.AGENT);
        long teamId = team("Ops", maya);
        assertThat(admin.put(
                                "/api/v1/integrations/teams/" + teamId + "/channel",
                                map("slackWebhook", slack.url("/services/OPS").toString(), "trelloListId", "list123"))
                        .status())
                .isEqualTo(200);
        var created = admin.post(
                "/api/v1/webhooks",
                map("name", "CRM", "url", hooks.url("/hook").toString(), "events", List.of("TICKET_ASSIGNED")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        slack.enqueue(ok("ok"));
        trello.enqueue(ok("{\"id\":\"card1\"}"));
        hooks.enqueue(ok(""));

        var api = api(maya);
        var ticket = open(api, "Export <fails> & <!channel>");
        long id = ticket.get("id").asLong();
        var assigned =
                api.post("/api/v1/triage/tickets/" + id + "/assign", map("teamId", teamId, "ownerId", maya.id()));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(sender.sendDue()).isEqualTo(3);

        RecordedRequest toSlack = slack.takeRequest(5, TimeUnit.SECONDS);
        assertThat(toSlack.getUrl().encodedPath()).isEqualTo("/services/OPS");
        String slackText = toSlack.getBody().utf8();
        assertThat(slackText)
                .contains("#" + ticket.get("number").asLong())
                .contains("owner: " + maya.displayName())
                .contains("Export &lt;fails&gt; &amp; &lt;!channel&gt;");
        RecordedRequest toTrello = trello.takeRequest(5, TimeUnit.SECONDS);
        assertThat(toTrello.getUrl().encodedPath()).isEqualTo("/1/cards");
        assertThat(toTrello.getUrl().queryParameter("key")).isEqualTo("trello-key");
        assertThat(toTrello.getUrl().queryParameter("token")).isEqualTo("trello-token");
        assertThat(toTrello.getBody().utf8()).contains("\"idList\":\"list123\"").contains("Export <fails>");
        RecordedRequest toHook = hooks.takeRequest(5, TimeUnit.SECONDS);
        String body = toHook.getBody().utf8();
        String timestamp = toHook.getHeaders().get("X-Firstline-Timestamp");
        assertThat(toHook.getHeaders().get("X-Firstline-Event")).isEqualTo("ticket.assigned");
        assertThat(toHook.getHeaders().get("X-Firstline-Signature"))
                .isEqualTo(WebhookSignature.sign(secret, Long.parseLong(timestamp), body));
        assertThat(Long.parseLong(timestamp)).isEqualTo(clock.instant().getEpochSecond());
        assertThat(body)
                .contains("\"event\":\"ticket.assigned\"")
                .contains("\"ownerId\":" + maya.id())
                .contains("\"teamId\":" + teamId);

        var log = api.get("/api/v1/tickets/" + id + "/deliveries").json().get("items");
        assertThat(log).hasSize(3);
        for (JsonNode d : log) assertThat(d.get("status").asString()).isEqualTo("DELIVERED");
        // secrets never come back, and are not stored in the clear
        assertThat(admin.get("/api/v1/integrations/settings").body())
                .doesNotContain("gh-token")
                .contains("\"githubTokenSet\":true");
        assertThat(jdbc.sql("select github_token || trello_key from integration_settings")
                        .query(String.class)
                        .single())
                .doesNotContain("gh-token")
                .doesNotContain("trello-key");
        assertThat(jdbc.sql("select secret from webhook_subscription where id = ?")
                        .param(created.json().get("webhook").get("id").asLong())
                        .query(String.class)
                        .single())
                .doesNotContain(secret);
        // a team without channels gets nothing; an agent cannot read the settings
        assertThat(api.get("/api/v1/integrations/settings").status()).isEqualTo(403);
    }

    @Autowired
    org.firstline.sla.internal.SlaSweeper slaSweeper;

    @Autowired
    org.firstline.sla.internal.SlaNotifier slaNotifier;

    @Test
    void breachesReachTheTeamsSlackChannelOnceAndTheSubscribedWebhooks() throws Exception {
        // other tests' tickets breach too when the clock jumps: answer everything, count only ours
        var always = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return ok("ok");
            }
        };
        slack.setDispatcher(always);
        hooks.setDispatcher(always);
        var maya = newAgent(AgentRole.AGENT);
        long teamId = team("Billing", maya);
        admin.put(
                "/api/v1/integrations/teams/" + teamId + "/channel",
                map("slackWebhook", slack.url("/services/BILLING").toString()));
        var hook = admin.post(
                "/api/v1/webhooks",
                map("name", "Pager", "url", hooks.url("/sla").toString(), "events", List.of("SLA_BREACHED")));
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        var api = api(maya);
        long first =
                open(api, "Invoice <wrong>", "priority", "CRITICAL").get("id").asLong();
        long second =
                open(api, "Refund missing", "priority", "CRITICAL").get("id").asLong();
        for (long id : List.of(first, second))
            api.post("/api/v1/triage/tickets/" + id + "/assign", map("teamId", teamId));
        sender.sendDue(); // the assignment messages
        slack.takeRequest(5, TimeUnit.SECONDS);
        slack.takeRequest(5, TimeUnit.SECONDS);

        clock.advance(java.time.Duration.ofDays(5)); // past every default target of a critical ticket
        slaSweeper.sweep();
        slaNotifier.notifyRecorded();
        slaSweeper.sweep();
        slaNotifier.notifyRecorded();
        while (sender.sendDue() > 0) {
            // every pending delivery, whoever's
        }
        RecordedRequest toSlack = slack.takeRequest(5, TimeUnit.SECONDS);
        assertThat(toSlack.getUrl().encodedPath()).isEqualTo("/services/BILLING");
        String text = toSlack.getBody().utf8();
        assertThat(text).contains("Breached").contains("Invoice &lt;wrong&gt;").contains("Refund missing");
        for (RecordedRequest r; (r = slack.takeRequest(300, TimeUnit.MILLISECONDS)) != null; ) {
            assertThat(r.getUrl().encodedPath())
                    .as("one Slack message for the team")
                    .isNotEqualTo("/services/BILLING");
        }
        var bodies = new java.util.ArrayList<String>();
        for (RecordedRequest r; (r = hooks.takeRequest(300, TimeUnit.MILLISECONDS)) != null; ) {
            assertThat(r.getHeaders().get("X-Firstline-Event")).isEqualTo("sla.breached");
            String body = r.getBody().utf8();
            if (body.contains("\"id\":" + first + ",") || body.contains("\"id\":" + second + ",")) bodies.add(body);
        }
        // acknowledgement, first response and resolution of each ticket: six breaches, six calls
        assertThat(bodies).hasSize(6);
        assertThat(bodies)
                .filteredOn(b -> b.contains("\"target\":\"FIRST_RESPONSE\""))
                .hasSize(2);
    }

    @Test
    void failedDeliveriesRetryWithBackOffAndAWebhookThatKeepsFailingIsDisabled() {
        hooks.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return status(500);
            }
        });
        var hook = admin.post(
                        "/api/v1/webhooks",
                        map("name", "Flaky", "url", hooks.url("/hook").toString(), "events", List.of("TICKET_OPENED")))
                .json()
                .get("webhook");
        long hookId = hook.get("id").asLong();
        var api = api(AgentRole.AGENT);
        long first = open(api, "First").get("id").asLong();
        assertThat(sender.sendDue()).isEqualTo(1);
        var delivery = api.get("/api/v1/tickets/" + first + "/deliveries")
                .json()
                .get("items")
                .get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
        assertThat(delivery.get("lastError").asString()).contains("HTTP 500");
        assertThat(delivery.get("nextAttemptAt").asString())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(1)).toString());
        assertThat(sender.sendDue()).as("not due before its back-off").isZero();
        // attempts at +1, +2, +4, +8, +16, +32, +60 minutes; the eighth is the last
        for (int minutes : new int[] {1, 2, 4, 8, 16, 32, 60}) {
            clock.advance(Duration.ofMinutes(minutes));
            assertThat(sender.sendDue()).isEqualTo(1);
        }
        delivery = api.get("/api/v1/tickets/" + first + "/deliveries")
                .json()
                .get("items")
                .get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("GIVEN_UP");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(8);
        assertThat(admin.get("/api/v1/webhooks").body())
                .contains("\"consecutiveFailures\":8")
                .contains("\"active\":true");

        open(api, "Second");
        open(api, "Third");
        open(api, "Fourth");
        assertThat(sender.sendDue()).isEqualTo(3);
        var hooksNow = admin.get("/api/v1/webhooks").json().get("items").get(0);
        assertThat(hooksNow.get("active").asBoolean()).isFalse();
        assertThat(hooksNow.get("disabledReason").asString())
                .contains("10 failed deliveries in a row")
                .contains("HTTP 500");
        open(api, "Fifth");
        assertThat(sender.sendDue()).as("a disabled webhook gets nothing new").isZero();
        assertThat(admin.post("/api/v1/webhooks/" + hookId + "/enable", null)
                        .json()
                        .get("active")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aTimeoutIsRetriedAndARefusedSlackMessageIsGivenUpWithANoteOnTheTicket() {
        var maya = newAgent(AgentRole.AGENT);
        long teamId = team("Slow", maya);
        admin.put(
                "/api/v1/integrations/teams/" + teamId + "/channel",
                map("slackWebhook", slack.url("/services/GONE").toString()));
        admin.post(
                "/api/v1/webhooks",
                map("name", "Slow", "url", hooks.url("/slow").toString(), "events", List.of("TICKET_ASSIGNED")));
        hooks.enqueue(new MockResponse.Builder()
                .code(200)
                .headersDelay(3, TimeUnit.SECONDS)
                .build()); // the tests' limit is 2 s
        hooks.enqueue(ok(""));
        slack.enqueue(status(404));
        var api = api(maya);
        long id = open(api, "Timeout").get("id").asLong();
        api.post("/api/v1/triage/tickets/" + id + "/assign", map("teamId", teamId));
        sender.sendDue();
        var log = api.get("/api/v1/tickets/" + id + "/deliveries").json().get("items");
        JsonNode toSlack = log.get(0).get("channel").asString().equals("SLACK") ? log.get(0) : log.get(1);
        JsonNode toHook = log.get(0).get("channel").asString().equals("SLACK") ? log.get(1) : log.get(0);
        assertThat(toSlack.get("status").asString()).isEqualTo("GIVEN_UP");
        assertThat(toSlack.get("attempts").asInt()).isEqualTo(1);
        assertThat(toHook.get("status").asString()).isEqualTo("PENDING");
        assertThat(toHook.get("lastError").asString()).contains("no answer within 2 s");
        assertThat(api.get("/api/v1/tickets/" + id + "/messages").body())
                .contains("Could not tell Slack")
                .contains("HTTP 404");
        clock.advance(Duration.ofMinutes(1));
        sender.sendDue();
        assertThat(api.get("/api/v1/tickets/" + id + "/deliveries").body()).doesNotContain("PENDING");
    }

    @Test
    void escalationOpensAGithubIssueLinksItAndTheIssueMovesTheTicket() throws Exception {
        var maya = newAgent(AgentRole.AGENT);
        var api = api(maya);
        long id = open(api, "Exports lose data", "priority", "CRITICAL", "impact", "DATA_LOSS")
                .get("id")
                .asLong();
        api.patch("/api/v1/tickets/" + id, map("ownerId", maya.id()));

        github.enqueue(status(422));
        var unwritten = api.post(
                "/api/v1/tickets/" + id + "/escalations", map("tracker", "GITHUB", "summary", "Export drops rows"));
        assertThat(unwritten.status())
                .as("a public issue needs the agent's own words")
                .isEqualTo(400);
        assertThat(unwritten.body()).contains("investigation").contains("public");
        var refused = api.post(
                "/api/v1/tickets/" + id + "/escalations",
                map(
                        "tracker",
                        "GITHUB",
                        "summary",
                        "Export drops rows",
                        "investigation",
                        "Rows go missing in large exports."));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .contains("GitHub did not open the issue")
                .contains("HTTP 422");
        assertThat(api.get("/api/v1/tickets/" + id).json().get("status").asString())
                .isEqualTo("NEW");
        github.takeRequest(5, TimeUnit.SECONDS);

        github.enqueue(new MockResponse.Builder()
                .code(201)
                .body("{\"number\":42,\"html_url\":\"https://github.example/acme/hub/issues/42\"}")
                .build());
        var escalated = api.post(
                "/api/v1/tickets/" + id + "/escalations",
                map(
                        "tracker",
                        "GITHUB",
                        "summary",
                        "Export drops rows",
                        "investigation",
                        "Reproduced with 10k rows; the batch size is off by one."));
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(201);
        RecordedRequest request = github.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/repos/acme/hub/issues");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer gh-token");
        String issueBody = request.getBody().utf8();
        assertThat(issueBody)
                .contains("\"type: support\"")
                .contains("\"impact: data loss\"")
                .contains("Export drops rows")
                .contains("off by one");
        // customer data stays private: GitHub is public, so nothing the customer wrote and no organization goes there
        assertThat(issueBody)
                .doesNotContain("The export page fails")
                .doesNotContain("Exports lose data")
                .doesNotContain("Organization:")
                .doesNotContain("Rita");
        var ticket = api.get("/api/v1/tickets/" + id).json();
        assertThat(ticket.get("status").asString()).isEqualTo("PENDING");
        assertThat(ticket.get("pendingReason").asString()).isEqualTo("ENGINEERING");
        assertThat(api.get("/api/v1/tickets/" + id + "/links").body())
                .contains("https://github.example/acme/hub/issues/42");
        assertThat(api.post("/api/v1/tickets/" + id + "/escalations", map("tracker", "GITHUB", "summary", "again"))
                        .status())
                .isEqualTo(409);
        // critical: the support channel hears of it
        slack.enqueue(ok("ok"));
        sender.sendDue();
        RecordedRequest ping = slack.takeRequest(5, TimeUnit.SECONDS);
        assertThat(ping.getUrl().encodedPath()).isEqualTo("/services/SUPPORT");
        assertThat(ping.getBody().utf8()).contains("Critical escalation").contains("acme/hub#42");

        // an engineer takes it: one sprint; reactions feed the priority factors
        github.enqueue(
                ok("{\"state\":\"open\",\"assignees\":[{\"login\":\"dev\"}],\"reactions\":{\"total_count\":12}}"));
        assertThat(watcher.pollDue()).isEqualTo(1);
        assertThat(github.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath())
                .isEqualTo("/repos/acme/hub/issues/42");
        var issue = api.get("/api/v1/tickets/" + id + "/engineering-issues")
                .json()
                .get("items")
                .get(0);
        assertThat(issue.get("sprintEndsAt").asString())
                .isEqualTo(clock.instant().plus(Duration.ofDays(14)).toString());
        assertThat(api.get("/api/v1/tickets/" + id + "/priority-factors")
                        .json()
                        .get("issueReactions")
                        .asInt())
                .isEqualTo(12);
        assertThat(watcher.pollDue()).as("checked again only after a while").isZero();

        clock.advance(Duration.ofDays(15));
        assertThat(watcher.remindOverdue()).isEqualTo(1);
        assertThat(watcher.remindOverdue()).isZero();
        assertThat(api.get("/api/v1/tickets/" + id + "/messages").body())
                .contains("The sprint for")
                .contains(maya.displayName());

        // GitHub's webhook: unsigned is refused, signed closes it and the ticket reopens for its owner
        String event =
                "{\"action\":\"closed\",\"repository\":{\"full_name\":\"acme/hub\"},\"issue\":{\"number\":42,\"assignees\":[]}}";
        var anonymous = ApiClient.anonymous(port);
        assertThat(anonymous
                        .post(
                                "/api/v1/hooks/github",
                                event,
                                java.util.Map.of("X-GitHub-Event", "issues", "X-Hub-Signature-256", "sha256=bad"))
                        .status())
                .isEqualTo(401);
        var accepted = anonymous.post(
                "/api/v1/hooks/github",
                event,
                java.util.Map.of(
                        "X-GitHub-Event",
                        "issues",
                        "X-Hub-Signature-256",
                        "sha256=" + WebhookSignature.hmac("hook-secret", event)));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("applied");
        ticket = api.get("/api/v1/tickets/" + id).json();
        assertThat(ticket.get("status").asString()).isEqualTo("OPEN");
        assertThat(ticket.get("ownerId").asLong()).isEqualTo(maya.id());
        assertThat(api.get("/api/v1/tickets/" + id + "/messages").body()).contains("Engineering closed");
    }

    @Test
    void shortcutStoriesAndPlannedWorkThatResolvesWhenItsIssueCloses() throws Exception {
        var maya = newAgent(AgentRole.AGENT);
        var api = api(maya);
        long bug = open(api, "Internal report broken").get("id").asLong();
        shortcut.enqueue(new MockResponse.Builder()
                .code(201)
                .body("{\"id\":777,\"app_url\":\"https://app.shortcut.example/story/777\"}")
                .build());
        var story = api.post(
                "/api/v1/tickets/" + bug + "/escalations", map("tracker", "SHORTCUT", "summary", "Report broken"));
        assertThat(story.status()).as(story.body()).isEqualTo(201);
        RecordedRequest created = shortcut.takeRequest(5, TimeUnit.SECONDS);
        assertThat(created.getUrl().encodedPath()).isEqualTo("/api/v3/stories");
        assertThat(created.getHeaders().get("Shortcut-Token")).isEqualTo("sc-token");
        assertThat(created.getBody().utf8())
                .contains("\"workflow_state_id\":500000007")
                .contains("{\"name\":\"type: support\"}")
                .as("Shortcut is internal: the requester's words may go there")
                .contains("The export page fails");
        shortcut.enqueue(ok("{\"id\":777,\"completed\":true,\"owner_ids\":[]}"));
        watcher.pollDue();
        assertThat(api.get("/api/v1/tickets/" + bug).json().get("status").asString())
                .isEqualTo("OPEN");

        long workshop = open(api, "Workshop for 40 students", "type", "WORKSHOP_REQUEST")
                .get("id")
                .asLong();
        api.patch("/api/v1/tickets/" + workshop, map("ownerId", maya.id()));
        github.enqueue(new MockResponse.Builder()
                .code(201)
                .body("{\"number\":7,\"html_url\":\"https://github.example/acme/planning/issues/7\"}")
                .build());
        var planned = api.post("/api/v1/tickets/" + workshop + "/planning-issue", map("tracker", "GITHUB"));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        RecordedRequest planning = github.takeRequest(5, TimeUnit.SECONDS);
        assertThat(planning.getUrl().encodedPath()).isEqualTo("/repos/acme/planning/issues");
        assertThat(planning.getBody().utf8())
                .as("a public planning issue names the ticket, not the customer's words")
                .contains("Planned work for support ticket #")
                .doesNotContain("Workshop for 40 students")
                .doesNotContain("The export page fails");
        var ticket = api.get("/api/v1/tickets/" + workshop).json();
        assertThat(ticket.get("pendingReason").asString()).isEqualTo("SCHEDULED");
        assertThat(ticket.get("ownerId").isNull()).isTrue();
        var messages =
                api.get("/api/v1/tickets/" + workshop + "/messages").json().get("items");
        var last = messages.get(messages.size() - 1);
        assertThat(last.get("kind").asString()).isEqualTo("PUBLIC");
        assertThat(last.get("body").asString()).contains("https://github.example/acme/planning/issues/7");

        github.enqueue(ok("{\"state\":\"closed\",\"assignees\":[],\"reactions\":{\"total_count\":0}}"));
        watcher.pollDue();
        ticket = api.get("/api/v1/tickets/" + workshop).json();
        assertThat(ticket.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(ticket.get("resolution").asString()).isEqualTo("PLANNED_WORK_DONE");
        assertThat(ticket.get("resolutionLink").asString()).isEqualTo("https://github.example/acme/planning/issues/7");
    }

    @Test
    void chargeableWorkBecomesALeadForTheAccountManager() {
        var manager = newAgent(AgentRole.ACCOUNT_MANAGER);
        var org =
                organizations.create(new OrganizationForm(unique("Globex"), null, List.of(), false, manager.id(), ""));
        var api = api(AgentRole.AGENT);
        long id = open(api, "Please build us a custom dashboard", "organizationId", org.id())
                .get("id")
                .asLong();
        assertThat(api.post("/api/v1/tickets/" + id + "/chargeable", map("estimateHours", 0, "reason", "x"))
                        .status())
                .isEqualTo(400);
        var lead = api.post(
                "/api/v1/tickets/" + id + "/chargeable",
                map("estimateHours", 12.5, "reason", "Custom development is not in the plan"));
        assertThat(lead.status()).as(lead.body()).isEqualTo(201);
        assertThat(lead.json().get("accountManagerId").asLong()).isEqualTo(manager.id());
        var mine = api(manager).get("/api/v1/leads").json().get("items");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("estimateHours").asDouble()).isEqualTo(12.5);
        assertThat(api(manager).get("/api/v1/leads").body()).contains("Custom development is not in the plan");
        var ticket = api.get("/api/v1/tickets/" + id).json();
        assertThat(ticket.get("pendingReason").asString()).isEqualTo("ACCOUNT_MANAGER");
        long orphan = open(api, "No organization").get("id").asLong();
        var refused = api.post("/api/v1/tickets/" + orphan + "/chargeable", map("estimateHours", 2, "reason", "x"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("no organization");
    }

    @Test
    void webhooksAndBaseUrlsPointingInsideAreRefusedNamingTheField() {
        var metadata = admin.post(
                "/api/v1/webhooks",
                map(
                        "name",
                        "Steal",
                        "url",
                        "http://169.254.169.254/latest/meta-data",
                        "events",
                        List.of("TICKET_OPENED")));
        assertThat(metadata.status()).as(metadata.body()).isEqualTo(400);
        assertThat(metadata.header("Content-Type")).contains("application/problem+json");
        JsonNode error = metadata.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("url");
        assertThat(error.get("message").asString()).contains("169.254.169.254 is a link-local address");
        // loopback, but not the allow-listed 127.0.0.1
        var loopback = admin.post(
                "/api/v1/webhooks",
                map(
                        "name",
                        "Local",
                        "url",
                        "http://127.0.0.2:" + hooks.getPort() + "/",
                        "events",
                        List.of("TICKET_OPENED")));
        assertThat(loopback.status()).as(loopback.body()).isEqualTo(400);
        assertThat(loopback.body()).contains("loopback");
        var mapped = admin.post(
                "/api/v1/webhooks",
                map("name", "Mapped", "url", "http://[::ffff:10.0.0.1]/", "events", List.of("TICKET_OPENED")));
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(400);
        var settings = admin.patch("/api/v1/integrations/settings", map("githubBaseUrl", "http://192.168.1.10/api"));
        assertThat(settings.status()).as(settings.body()).isEqualTo(400);
        assertThat(settings.json().get("errors").get(0).get("field").asString()).isEqualTo("githubBaseUrl");
        long teamId = team("Inside");
        var channel = admin.put(
                "/api/v1/integrations/teams/" + teamId + "/channel", map("slackWebhook", "http://100.64.0.1/hook"));
        assertThat(channel.status()).as(channel.body()).isEqualTo(400);
        assertThat(channel.json().get("errors").get(0).get("field").asString()).isEqualTo("slackWebhook");
        assertThat(admin.get("/api/v1/webhooks").json().get("items")).isEmpty();
    }

    @Test
    void aWebhookThatPointsInsideByDeliveryTimeIsNotCalledAndFailsForGoodWithTheReason() throws Exception {
        // listens on every interface, so the old code would reach it at 127.0.0.2
        var inside = new MockWebServer();
        inside.start(java.net.InetAddress.getByName("0.0.0.0"), 0);
        try {
            var hook = admin.post(
                    "/api/v1/webhooks",
                    map("name", "Rebound", "url", hooks.url("/hook").toString(), "events", List.of("TICKET_OPENED")));
            assertThat(hook.status()).as(hook.body()).isEqualTo(201);
            // what a name does when its DNS is changed after the hook was saved: it now leads to a loopback address
            jdbc.sql("update webhook_subscription set url = ? where id = ?")
                    .params(
                            "http://127.0.0.2:" + inside.getPort() + "/hook",
                            hook.json().get("webhook").get("id").asLong())
                    .update();
            inside.enqueue(ok(""));
            var api = api(AgentRole.AGENT);
            long id = open(api, "Rebound").get("id").asLong();

            assertThat(sender.sendDue()).isEqualTo(1);
            assertThat(inside.getRequestCount()).isZero();
            var delivery = api.get("/api/v1/tickets/" + id + "/deliveries")
                    .json()
                    .get("items")
                    .get(0);
            assertThat(delivery.get("status").asString())
                    .as("refused for good, not retried")
                    .isEqualTo("GIVEN_UP");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.get("lastError").asString())
                    .contains("refused")
                    .contains("127.0.0.2 is a loopback address");
        } finally {
            inside.close();
        }
    }
}

package org.firstline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.firstline.directory.AgentService;
import org.firstline.directory.ContactService;
import org.firstline.directory.OrganizationService;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.firstline.support.TestMailServer;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.MessageWithFiles;
import org.firstline.ticket.TicketService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** What a customer does in the portal reaches the desk as the same mail would: replies, new requests, answers. */
@TestPropertySource(
        properties = {
            "firstline.public-url=http://desk.test",
            "firstline.ticket-form.mailbox=form-help@firstline.test",
            "firstline.ticket-form.network-limit-per-hour=100000"
        })
class PortalWorkIT extends ApiTest {
    static TestMailServer mail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ContactService contacts;

    @Autowired
    TicketService tickets;

    @Autowired
    MessageWithFiles messages;

    @Autowired
    AgentService agents;

    PortalFixture fixture;
    ApiClient agent;
    String marker;
    long org;
    String member;
    String representative;

    @BeforeAll
    static void startMailServer() {
        mail = TestMailServer.shared("form-help@firstline.test");
    }

    @BeforeEach
    void world() {
        mail.mailbox(api(AgentRole.ADMIN), "Firstline Support");
        agent = api(AgentRole.AGENT);
        fixture = new PortalFixture(organizations, contacts, tickets, messages, agents);
        marker = unique("work");
        org = fixture.organization(marker + " Org", false);
        member = "member." + marker + "@customer.test";
        representative = "rep." + marker + "@customer.test";
        fixture.contact("Mia Member", member, Map.of(org, false));
        fixture.contact("Rae Rep", representative, Map.of(org, true));
    }

    @Test
    void aReplyWithAFileReachesTheTicketAsTheRequestersMessageAndReopensIt() {
        var ticket = fixture.ticket(marker + " Disk full", member, org, false);
        agent.patch("/api/v1/tickets/" + ticket.id(), ApiClient.map("status", "PENDING", "pendingReason", "CUSTOMER"));
        var browser = new PortalHttp(port).signIn(jdbc, member);
        var page = browser.get("/portal/tickets/" + ticket.number());
        assertThat(page.body()).contains("Waiting on you");

        var sent = browser.postMultipart(
                "/portal/tickets/" + ticket.number(),
                "/portal/tickets/" + ticket.number() + "/replies",
                Map.of("body", "Here is the log you asked for."),
                "disk.log",
                "no space left on device".getBytes());
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(browser.get(sent.headers().firstValue("Location").orElseThrow())
                        .body())
                .contains("Your reply has been added.", "Here is the log you asked for.", "disk.log");

        var onDesk = agent.get("/api/v1/tickets/" + ticket.id()).json();
        assertThat(onDesk.get("status").asString()).isEqualTo("OPEN");
        var conversation =
                agent.get("/api/v1/tickets/" + ticket.id() + "/messages").json();
        var last = conversation.get("items").get(conversation.get("items").size() - 1);
        assertThat(last.get("body").asString()).isEqualTo("Here is the log you asked for.");
        assertThat(last.get("kind").asString()).isEqualTo("PUBLIC");
        assertThat(last.get("authorContactId").isNull()).isFalse();
        assertThat(last.get("attachments").get(0).get("filename").asString()).isEqualTo("disk.log");

        var empty = browser.postForm(
                "/portal/tickets/" + ticket.number(),
                "/portal/tickets/" + ticket.number() + "/replies",
                Map.of("body", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Body is required");
    }

    @Test
    void aSignedInCustomerFilesWithoutConfirmationAndTheRepresentativeSeesIt() {
        var browser = new PortalHttp(port).signIn(jdbc, member);
        var form = browser.get("/portal/new");
        assertThat(form.statusCode()).isEqualTo(200);
        var filed = browser.postMultipart(
                "/portal/new",
                "/portal/new",
                Map.of("subject", marker + " Cannot log in", "body", "Since this morning."),
                "screen.png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        assertThat(filed.statusCode()).isEqualTo(302);
        String location = filed.headers().firstValue("Location").orElseThrow();
        long number = Long.parseLong(location.replaceAll("^/portal/tickets/(\\d+)\\?done=filed$", "$1"));
        var ticket = agent.get("/api/v1/tickets/by-number/" + number).json();
        assertThat(ticket.get("channel").asString()).isEqualTo("WEB");
        assertThat(ticket.get("organizationId").asLong()).isEqualTo(org);
        assertThat(ticket.get("subject").asString()).isEqualTo(marker + " Cannot log in");
        assertThat(agent.get("/api/v1/tickets/" + ticket.get("id").asLong() + "/attachments")
                        .body())
                .contains("screen.png");

        var rep = new PortalHttp(port).signIn(jdbc, representative);
        assertThat(rep.get("/portal?show=ALL").body()).contains(marker + " Cannot log in", "Mia Member");
        assertThat(rep.get("/portal/tickets/" + number).statusCode()).isEqualTo(200);

        var api = rep.api(
                "POST",
                "/api/portal/v1/tickets",
                "{\"subject\":\"" + marker + " By API\",\"body\":\"Filed through the customer API.\"}");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(201);
        assertThat(api.body()).contains("\"number\":");
    }

    @Test
    void aCustomerConfirmsOrRejectsAResolutionInThePortalWithTheMailsOutcomes() {
        var fixed = fixture.ticket(marker + " Fixed", member, org, false);
        var notFixed = fixture.ticket(marker + " Not fixed", member, org, false);
        for (var t : java.util.List.of(fixed, notFixed)) {
            assertThat(agent.patch(
                                    "/api/v1/tickets/" + t.id(),
                                    ApiClient.map("status", "RESOLVED", "resolution", "WORKAROUND"))
                            .status())
                    .isEqualTo(200);
        }
        var browser = new PortalHttp(port).signIn(jdbc, member);
        var page = browser.get("/portal/tickets/" + fixed.number());
        assertThat(page.body()).contains("Is it fixed for you?", "Yes, it is fixed");
        var yes = browser.postForm(
                "/portal/tickets/" + fixed.number(),
                "/portal/tickets/" + fixed.number() + "/resolution",
                Map.of("answer", "confirm"));
        assertThat(yes.headers().firstValue("Location"))
                .hasValue("/portal/tickets/" + fixed.number() + "?done=confirmed");
        assertThat(agent.get("/api/v1/tickets/" + fixed.id())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CLOSED");
        assertThat(agent.get("/api/v1/tickets/" + fixed.id())
                        .json()
                        .get("resolutionOutcome")
                        .asString())
                .isEqualTo("CONFIRMED");
        assertThat(agent.get("/api/v1/tickets/" + fixed.id() + "/messages").body())
                .contains("The requester confirmed the fix in the customer portal.");
        // the one resolution mail's survey is answered here too: once, and changed within 7 days on the same row
        assertThat(browser.get("/portal/tickets/" + fixed.number()).body()).contains("How did we do?");
        var rated = browser.postForm(
                "/portal/tickets/" + fixed.number(),
                "/portal/tickets/" + fixed.number() + "/rating",
                Map.of("rating", "4", "comment", "Quick, thanks"));
        assertThat(rated.statusCode()).isEqualTo(302);
        assertThat(browser.get("/portal/tickets/" + fixed.number() + "?done=rated")
                        .body())
                .contains("Thank you for your rating: 4 out of 5.");
        var changed =
                browser.api("POST", "/api/portal/v1/tickets/" + fixed.number() + "/satisfaction", "{\"rating\":5}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"rating\":5");
        assertThat(jdbc.sql("select count(*) from satisfaction_survey where ticket_id = ? and rating = 5")
                        .param(fixed.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        var badRating =
                browser.api("POST", "/api/portal/v1/tickets/" + fixed.number() + "/satisfaction", "{\"rating\":9}");
        assertThat(badRating.statusCode()).isEqualTo(400);
        // answering again changes nothing
        var twice =
                browser.api("POST", "/api/portal/v1/tickets/" + fixed.number() + "/resolution", "{\"fixed\":false}");
        assertThat(twice.body()).contains("\"counted\":false");
        assertThat(agent.get("/api/v1/tickets/" + fixed.id())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CLOSED");

        var no =
                browser.api("POST", "/api/portal/v1/tickets/" + notFixed.number() + "/resolution", "{\"fixed\":false}");
        assertThat(no.body()).contains("\"counted\":true");
        assertThat(agent.get("/api/v1/tickets/" + notFixed.id())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
        assertThat(browser.get("/portal/tickets/" + fixed.number()).body())
                .contains("This request is closed")
                .doesNotContain("Send reply");
    }

    @Test
    void aRepresentativeApprovesAHeldRequestAndSeesTheOrganizationsFigures() {
        long strict = fixture.organization(marker + " Strict", true);
        String student = "student." + marker + "@customer.test";
        String lead = "lead." + marker + "@customer.test";
        fixture.contact("Sam Student", student, Map.of(strict, false));
        fixture.contact("Lee Lead", lead, Map.of(strict, true));
        var held = fixture.ticket(marker + " Need a GPU", student, strict, false);
        assertThat(agent.get("/api/v1/tickets/" + held.id())
                        .json()
                        .get("pendingReason")
                        .asString())
                .isEqualTo("REPRESENTATIVE_APPROVAL");

        var studentPortal = new PortalHttp(port).signIn(jdbc, student);
        assertThat(studentPortal.get("/portal/tickets/" + held.number()).body())
                .contains("Waiting for a representative");
        assertThat(studentPortal.get("/portal/approvals").body()).doesNotContain(marker + " Need a GPU");

        var leadPortal = new PortalHttp(port).signIn(jdbc, lead);
        assertThat(leadPortal.get("/portal/approvals").body()).contains(marker + " Need a GPU", "Sam Student");
        var approved = leadPortal.postForm(
                "/portal/approvals", "/portal/approvals/" + held.number(), Map.of("decision", "approve"));
        assertThat(approved.headers().firstValue("Location")).hasValue("/portal/approvals?done=approved");
        assertThat(agent.get("/api/v1/tickets/" + held.id())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
        assertThat(leadPortal.get("/portal/approvals").body()).doesNotContain(marker + " Need a GPU");

        var figures = leadPortal.get("/portal/organizations/" + strict);
        assertThat(figures.statusCode()).isEqualTo(200);
        assertThat(figures.body()).contains("Support budget", "Service levels met", "Open requests", "With support");
        assertThat(leadPortal
                        .api("GET", "/api/portal/v1/organizations/" + strict + "/figures", null)
                        .body())
                .contains("\"organization\":\"" + marker + " Strict\"");
    }

    @Test
    void filingIsLimitedPerHour() {
        var browser = new PortalHttp(port).signIn(jdbc, member);
        for (int i = 0; i < 10; i++) {
            var filed = browser.api(
                    "POST", "/api/portal/v1/tickets", "{\"subject\":\"" + marker + " n" + i + "\",\"body\":\"x\"}");
            assertThat(filed.statusCode()).isEqualTo(201);
        }
        var eleventh =
                browser.api("POST", "/api/portal/v1/tickets", "{\"subject\":\"" + marker + " n11\",\"body\":\"x\"}");
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After")).isPresent();
        assertThat(jdbc.sql("select count(*) from ticket where subject like ?")
                        .param(marker + " n%")
                        .query(Long.class)
                        .single())
                .isEqualTo(10);
    }

    @Test
    void whatCustomersAndAgentsWriteIsShownAsTextNeverAsMarkup() {
        String payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        var ticket = fixture.ticket(marker + " " + payload, member, org, false);
        fixture.post(ticket.id(), "Agent says " + payload, MessageKind.PUBLIC, payload + ".txt");
        var browser = new PortalHttp(port).signIn(jdbc, member);
        browser.postForm(
                "/portal/tickets/" + ticket.number(),
                "/portal/tickets/" + ticket.number() + "/replies",
                Map.of("body", "Customer says " + payload));
        for (String path : java.util.List.of("/portal?show=ALL", "/portal/tickets/" + ticket.number())) {
            String html = browser.get(path).body();
            assertThat(html)
                    .doesNotContain("<script>alert", "<img src=x")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
        String agentPage = signedIn(newAgent(AgentRole.AGENT))
                .get("/tickets/" + ticket.number(), "text/html")
                .body();
        assertThat(agentPage).doesNotContain("<script>alert", "<img src=x").contains("Customer says &lt;script&gt;");
    }

    @Test
    void aFormOpenInOneTabStillWorksAfterOtherPagesAndCallsWereMade() {
        var ticket = fixture.ticket(marker + " Two tabs", member, org, false);
        var browser = new PortalHttp(port).signIn(jdbc, member);
        String token = PortalHttp.csrf(
                browser.get("/portal/tickets/" + ticket.number()).body());
        assertThat(browser.get("/portal").statusCode()).isEqualTo(200);
        assertThat(browser.get("/portal/new").statusCode()).isEqualTo(200);
        var sent = browser.post(
                "/portal/tickets/" + ticket.number() + "/replies",
                Map.of("body", "From the first tab", "_csrf", token));
        assertThat(sent.headers().firstValue("Location"))
                .hasValue("/portal/tickets/" + ticket.number() + "?done=replied");

        String apiToken = browser.csrfForApi();
        assertThat(browser.api("GET", "/api/portal/v1/tickets", null).statusCode())
                .isEqualTo(200);
        var reply = browser.apiWith(
                apiToken,
                "POST",
                "/api/portal/v1/tickets/" + ticket.number() + "/messages",
                "{\"body\":\"From a script\"}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
    }

    @Test
    void theSurveyIsTheRequestersAndOutlivesAnAnswerGivenBeforeTheMailLeft() {
        var ticket = fixture.ticket(marker + " Survey owner", member, org, false);
        agent.patch("/api/v1/tickets/" + ticket.id(), ApiClient.map("status", "RESOLVED", "resolution", "WORKAROUND"));
        var requester = new PortalHttp(port).signIn(jdbc, member);
        var first = requester.api(
                "POST",
                "/api/portal/v1/tickets/" + ticket.number() + "/satisfaction",
                "{\"rating\":4,\"comment\":\"Mine\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        // a representative neither sees nor changes the requester's rating
        var rep = new PortalHttp(port).signIn(jdbc, representative);
        assertThat(rep.get("/portal/tickets/" + ticket.number()).body()).doesNotContain("How did we do?", "Mine");
        var repRating =
                rep.api("POST", "/api/portal/v1/tickets/" + ticket.number() + "/satisfaction", "{\"rating\":1}");
        assertThat(repRating.statusCode()).isEqualTo(409);
        assertThat(rep.api("GET", "/api/portal/v1/tickets/" + ticket.number(), null)
                        .body())
                .doesNotContain("Mine");

        var notFixed =
                requester.api("POST", "/api/portal/v1/tickets/" + ticket.number() + "/resolution", "{\"fixed\":false}");
        assertThat(notFixed.body()).contains("\"counted\":true");
        // the survey outlived "not fixed": the first answer shows, and may still change
        assertThat(requester.get("/portal/tickets/" + ticket.number()).body())
                .contains("You rated us 4 out of 5", "Change my rating");
        var rated =
                requester.api("POST", "/api/portal/v1/tickets/" + ticket.number() + "/satisfaction", "{\"rating\":2}");
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        assertThat(agent.get("/api/v1/tickets/" + ticket.id() + "/satisfaction")
                        .json()
                        .get("rating")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aBadValueInAnAddressGetsThePortalsOwnPage() {
        var browser = new PortalHttp(port).signIn(jdbc, member);
        for (String path : java.util.List.of(
                "/portal/tickets/abc", "/portal?show=BOGUS", "/portal?page=999999999999", "/portal/organizations/x")) {
            var page = browser.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(page.body()).as(path).contains("Support portal").doesNotContain("href=\"/tickets\"");
        }
    }
}

package org.firstline.ticketform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.firstline.email.EmailAdministration;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.firstline.support.TestMailServer;
import org.firstline.ticketform.internal.FormViews;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The public form end to end: a request is mailed back for confirmation, confirmed once into a WEB ticket the way
 * mail would file it, and protected against robots, floods and forgery; deflection rules and their counts.
 */
@TestPropertySource(
        properties = {
            "firstline.public-url=http://desk.test",
            "firstline.ticket-form.mailbox=form-help@firstline.test",
            "firstline.ticket-form.network-limit-per-hour=100000"
        })
class TicketFormIT extends ApiTest {
    private static final Pattern LINK = Pattern.compile("http://desk\\.test(/request/confirm/[A-Za-z0-9_-]+)");
    static TestMailServer mail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmailAdministration administration;

    @Autowired
    FormViews views;

    ApiClient admin;
    FormHttp form;

    @BeforeAll
    static void startMailServer() {
        mail = TestMailServer.shared("form-help@firstline.test");
    }

    @BeforeEach
    void mailbox() {
        admin = api(AgentRole.ADMIN);
        mail.mailbox(admin, "Firstline Support");
        form = new FormHttp(port);
    }

    @Test
    void aRequestIsMailedForConfirmationAndBecomesOneWebTicketHoweverOftenTheLinkIsUsed() throws Exception {
        String address = unique("ada") + "@customer.test";
        var page = form.open("/request");
        assertThat(page.response().statusCode()).isEqualTo(200);
        assertThat(page.response().headers().firstValue("Set-Cookie")).isEmpty();
        var sent = form.send(
                page, FormHttp.request("Ada Lovelace", address, "Builds hang", "Since 9:00 our builds hang."));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("\"sent\":true").contains(address);
        assertThat(sent.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(ticketsOf(address))
                .as("nothing is filed before the confirmation")
                .isZero();

        administration.sendOutbox();
        MimeMessage confirmation = only(mail.sentTo(address));
        assertThat(confirmation.getSubject()).isEqualTo("Please confirm your request: Builds hang");
        var link = LINK.matcher(body(confirmation));
        assertThat(link.find()).isTrue();

        // opening the link (as a mail scanner does) changes nothing
        var shown = form.get(link.group(1));
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Builds hang", "Since 9:00 our builds hang.", "Confirm and send");
        assertThat(shown.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(ticketsOf(address)).isZero();

        var confirmed = form.post(link.group(1), Map.of(), "Sec-Fetch-Site", "same-origin");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        var number = Pattern.compile("#(\\d+)").matcher(confirmed.body());
        assertThat(number.find()).isTrue();
        var again = form.post(link.group(1), Map.of(), "Sec-Fetch-Site", "same-origin");
        assertThat(again.body()).contains("already confirmed").contains("#" + number.group(1));
        assertThat(ticketsOf(address)).isEqualTo(1);

        var ticket = api(AgentRole.AGENT)
                .get("/api/v1/tickets/by-number/" + number.group(1))
                .json();
        assertThat(ticket.get("channel").asString()).isEqualTo("WEB");
        assertThat(ticket.get("subject").asString()).isEqualTo("Builds hang");
        assertThat(ticket.get("status").asString()).isEqualTo("NEW");
        var requester = admin.get(
                        "/api/v1/contacts/" + ticket.get("requesterId").asLong())
                .json();
        assertThat(requester.get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(requester.get("emails").get(0).asString()).isEqualTo(address);
        assertThat(form.get(link.group(1)).body()).contains("Already confirmed").contains("#" + number.group(1));
    }

    @Test
    void aRepresentativesOnlyOrganizationHoldsTheRequestForApprovalAsMailDoes() throws Exception {
        String domain = unique("uni") + ".edu";
        long org = admin.post(
                        "/api/v1/organizations",
                        Map.of("name", unique("University"), "domains", List.of(domain), "representativesOnly", true))
                .json()
                .get("id")
                .asLong();
        String rep = "rep@" + domain;
        assertThat(admin.post(
                                "/api/v1/contacts",
                                Map.of(
                                        "name",
                                        "Rita Rep",
                                        "emails",
                                        List.of(rep),
                                        "organizations",
                                        List.of(Map.of("organizationId", org, "representative", true))))
                        .status())
                .isEqualTo(201);
        String student = "student-" + unique("s") + "@" + domain;
        var page = form.open("/request");
        assertThat(form.send(page, FormHttp.request("Sam Student", student, "Install numpy", "Please."))
                        .statusCode())
                .isEqualTo(200);
        administration.sendOutbox();
        var link = LINK.matcher(body(only(mail.sentTo(student))));
        assertThat(link.find()).isTrue();
        var confirmed = form.post(link.group(1), Map.of(), "Sec-Fetch-Site", "same-origin");
        assertThat(confirmed.body()).contains("representative");

        long ticketId = jdbc.sql("select ticket_id from form_request where email = ?")
                .param(student)
                .query(Long.class)
                .single();
        var ticket = api(AgentRole.AGENT).get("/api/v1/tickets/" + ticketId).json();
        assertThat(ticket.get("status").asString()).isEqualTo("PENDING");
        assertThat(ticket.get("pendingReason").asString()).isEqualTo("REPRESENTATIVE_APPROVAL");
        assertThat(ticket.get("organizationId").asLong()).isEqualTo(org);
        administration.sendOutbox();
        MimeMessage request = only(mail.sentTo(rep));
        assertThat(request.getSubject()).contains("Install numpy");
        assertThat(body(request)).contains("Sam Student").contains("/approvals/");
    }

    @Test
    void theOrganizationIsAskedOnlyAfterTheLinkProvedTheAddress() throws Exception {
        long first = admin.post("/api/v1/organizations", Map.of("name", unique("First Org")))
                .json()
                .get("id")
                .asLong();
        long second = admin.post("/api/v1/organizations", Map.of("name", unique("Second Org")))
                .json()
                .get("id")
                .asLong();
        String address = unique("both") + "@two.test";
        admin.post(
                "/api/v1/contacts",
                Map.of(
                        "name",
                        "Two Hats",
                        "emails",
                        List.of(address),
                        "organizations",
                        List.of(
                                Map.of("organizationId", first, "representative", true),
                                Map.of("organizationId", second, "representative", true))));
        var page = form.open("/request");
        assertThat(page.response().body()).doesNotContain("First Org");
        form.send(page, FormHttp.request("Two Hats", address, "Which one", "Choose."));
        administration.sendOutbox();
        var link = LINK.matcher(body(only(mail.sentTo(address))));
        assertThat(link.find()).isTrue();
        assertThat(form.get(link.group(1)).body()).contains("Which organization", "First Org", "Second Org");
        var stranger = form.post(link.group(1), Map.of("organizationId", "999999999"), "Sec-Fetch-Site", "same-origin");
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.body()).contains("Please choose from the list");
        form.post(link.group(1), Map.of("organizationId", String.valueOf(second)), "Sec-Fetch-Site", "same-origin");
        long ticketId = jdbc.sql("select ticket_id from form_request where email = ?")
                .param(address)
                .query(Long.class)
                .single();
        assertThat(api(AgentRole.AGENT)
                        .get("/api/v1/tickets/" + ticketId)
                        .json()
                        .get("organizationId")
                        .asLong())
                .isEqualTo(second);
    }

    @Test
    void aFilledTrapIsToldItWorkedButNothingIsStoredOrMailed() throws Exception {
        String address = unique("robot") + "@spam.test";
        var fields = FormHttp.request("Robot", address, "Cheap pills", "Buy now");
        fields.put("website", "http://spam.test");
        var sent = form.send(form.open("/request"), fields);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("\"sent\":true");
        administration.sendOutbox();
        assertThat(mail.sentTo(address)).isEmpty();
        assertThat(jdbc.sql("select count(*) from form_request where email = ?")
                        .param(address)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aSixthRequestFromOneAddressInAnHourIsRefusedWithA429AndAMessage() throws Exception {
        String address = unique("busy") + "@customer.test";
        for (int i = 0; i < 5; i++) {
            assertThat(form.send(form.open("/request"), FormHttp.request("Busy", address, "Try " + i, "Again"))
                            .statusCode())
                    .isEqualTo(200);
        }
        var refused = form.send(form.open("/request"), FormHttp.request("Busy", address, "Try 6", "Again"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("several requests in the last hour");
        clock.advance(Duration.ofMinutes(61));
        assertThat(form.send(form.open("/request"), FormHttp.request("Busy", address, "Later", "Again"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void badInputIsNamedFieldByFieldAndWhatWasTypedIsKept() throws Exception {
        var page = form.open("/request");
        var json = form.send(page, FormHttp.request("", "not-an-address", "Subject kept", ""));
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body())
                .contains("\"name\":\"Please give your name.\"", "This does not look like an email address");
        assertThat(json.body()).contains("\"description\"").doesNotContain("\"subject\":");

        var fields = new java.util.LinkedHashMap<>(FormHttp.request("", "not-an-address", "Subject kept", "Text kept"));
        fields.put("view", page.view());
        fields.put("formToken", page.formToken());
        var html = form.post("/request", fields, "Accept", "text/html");
        assertThat(html.statusCode()).isEqualTo(400);
        assertThat(html.body())
                .contains("Please give your name.", "value=\"not-an-address\"", "value=\"Subject kept\"", "Text kept");

        var forged = new java.util.LinkedHashMap<>(FormHttp.request("Eve", "eve@evil.test", "Forged", "From afar"));
        forged.put("view", page.view());
        forged.put("formToken", page.formToken());
        assertThat(form.post("/request", forged, "Sec-Fetch-Site", "cross-site").statusCode())
                .isEqualTo(403);
        assertThat(form.post("/request", forged, "Origin", "https://evil.test").statusCode())
                .isEqualTo(403);
        forged.put("formToken", page.formToken().replaceFirst(".$", "x"));
        assertThat(form.post("/request", forged).statusCode()).isEqualTo(400);
        clock.advance(Duration.ofHours(13));
        forged.put("formToken", page.formToken());
        assertThat(form.post("/request", forged).body()).contains("open too long");
    }

    @Test
    void theFormMayBeFramedOnlyAsTheWidget() throws Exception {
        var plain = form.get("/request");
        assertThat(plain.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'")
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(plain.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        var embedded = form.get("/request?embed=1");
        assertThat(embedded.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors *");
        assertThat(embedded.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(embedded.body()).contains("class=\"public-form embed\"");
        var widget = form.get("/widget.js");
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.body()).contains("/request?embed=1");
        assertThat(widget.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void rulesAreForAdminsAndTheirAddressesAreChecked() {
        var agent = api(AgentRole.AGENT);
        assertThat(agent.get("/api/v1/deflection-rules").status()).isEqualTo(403);
        assertThat(agent.post("/api/v1/deflection-rules", rule("dns", "TOOL", "DNS", "https://dns.example/?q={domain}"))
                        .status())
                .isEqualTo(403);
        var script = admin.post("/api/v1/deflection-rules", rule("dns", "TOOL", "DNS", "javascript:alert(1)"));
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.header("Content-Type")).startsWith("application/problem+json");
        assertThat(script.body()).contains("url").contains("http or https");
        var unknown =
                admin.post("/api/v1/deflection-rules", rule("dns", "TOOL", "DNS", "https://dns.example/?q={host}"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("{host}");
        assertThat(admin.post(
                                "/api/v1/deflection-rules",
                                Map.of(
                                        "phrases",
                                        List.of(" "),
                                        "kind",
                                        "TOOL",
                                        "title",
                                        "x",
                                        "url",
                                        "https://a.example"))
                        .status())
                .isEqualTo(400);
        var created = admin.post(
                "/api/v1/deflection-rules",
                rule("Zone File", "ARTICLE", "Zone files explained", "https://kb.example/zones"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("phrases").get(0).asString()).isEqualTo("zone file");
        assertThat(admin.put("/api/v1/deflection-rules/" + id, rule("zone", "ARTICLE", "Zones", "https://kb.example/z"))
                        .json()
                        .get("title")
                        .asString())
                .isEqualTo("Zones");
        assertThat(admin.delete("/api/v1/deflection-rules/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/deflection-rules/" + id).status()).isEqualTo(404);
    }

    @Test
    void viewsThatShowedASuggestionAndWereLeftOrAbandonedCountAsDeflectedSubmittedOnesDoNot() throws Exception {
        String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        long rule = admin.post(
                        "/api/v1/deflection-rules",
                        rule(word, "TOOL", "Check " + word, "https://check.example/?q={domain}&s={subject}"))
                .json()
                .get("id")
                .asLong();
        awaitRule(word);

        var left = form.open("/request");
        var suggestions = suggest(left.view(), "My " + word.toUpperCase() + " fails for shop.example.org", "a@b.test");
        assertThat(suggestions).contains("https://check.example/?q=shop.example.org&s=Help%20me");
        form.post("/request/views/" + left.view() + "/clicks/" + rule, Map.of());
        form.post("/request/views/" + left.view() + "/left", Map.of());

        var submitted = form.open("/request");
        suggest(submitted.view(), word, "sub@customer.test");
        assertThat(form.send(submitted, FormHttp.request("Sub", unique("sub") + "@customer.test", "S", word))
                        .statusCode())
                .isEqualTo(200);
        form.post("/request/views/" + submitted.view() + "/left", Map.of());

        var abandoned = form.open("/request");
        suggest(abandoned.view(), word, "ab@customer.test");
        var quiet = form.open("/request");
        suggest(quiet.view(), "nothing to see", "");
        form.post("/request/views/" + quiet.view() + "/left", Map.of());
        views.flush();
        assertThat(figures(rule)).containsExactly(3L, 1L, 1L);
        var adminPage = signedIn(newAgent(AgentRole.ADMIN)).get("/admin/deflection", "text/html");
        assertThat(adminPage.status()).isEqualTo(200);
        assertThat(adminPage.body()).contains("Check " + word).contains("<td>3</td>");
        assertThat(signedIn(newAgent(AgentRole.AGENT))
                        .get("/admin/deflection", "text/html")
                        .status())
                .isEqualTo(403);

        clock.advance(Duration.ofMinutes(31));
        views.closeStale();
        assertThat(figures(rule)).containsExactly(3L, 1L, 2L);
        assertThat(outcome(submitted.view())).isEqualTo("SUBMITTED");
        assertThat(outcome(left.view())).isEqualTo("DEFLECTED");
    }

    private String suggest(String view, String text, String email) throws Exception {
        var answer = form.post(
                "/request/suggestions",
                Map.of("view", view, "text", text, "email", email, "subject", "Help me"),
                "Accept",
                "application/json");
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private void awaitRule(String word) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!suggest("not-a-view", word, "someone@wait.example").contains("ruleId")) {
            assertThat(System.nanoTime()).as("the rule reaches memory").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private List<Long> figures(long rule) {
        for (var f : admin.get("/api/v1/deflection-rules/figures").json().get("rules")) {
            if (f.get("ruleId").asLong() == rule) {
                return List.of(
                        f.get("shown").asLong(),
                        f.get("clicks").asLong(),
                        f.get("deflected").asLong());
            }
        }
        throw new AssertionError("no figures for rule " + rule);
    }

    private String outcome(String view) {
        return jdbc.sql("select outcome from form_view where view_id = ?::uuid")
                .param(view)
                .query(String.class)
                .single();
    }

    @Test
    void aPhraseWithMarkupIsRefusedOnTheApiAndOnTheAdminPage() {
        String probe = "<script>window.__xss=1</script>";
        var refused =
                admin.post("/api/v1/deflection-rules", rule(probe, "ARTICLE", "Scripts", "https://kb.example/scripts"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("phrases");
        assertThat(refused.body()).contains("not markup");

        var page = signedIn(newAgent(AgentRole.ADMIN));
        String form = page.get("/admin/deflection", "text/html").body();
        var sent = page.postForm(
                "/admin/deflection",
                Map.of(
                        "phrases", "dns, " + probe,
                        "kind", "ARTICLE",
                        "title", "Scripts",
                        "url", "https://kb.example/scripts",
                        "_csrf", ApiClient.csrfToken(form)));
        assertThat(sent.status()).isEqualTo(302);
        String shown = page.get("/admin/deflection", "text/html").body();
        assertThat(shown).contains("not markup").doesNotContain(probe);
        assertThat(shown).contains("&lt;script&gt;window.__xss=1&lt;/script&gt;");
        assertThat(admin.get("/api/v1/deflection-rules").body()).doesNotContain("__xss");
    }

    private static Map<String, Object> rule(String phrase, String kind, String title, String url) {
        return Map.of("phrases", List.of(phrase), "kind", kind, "title", title, "url", url);
    }

    private int ticketsOf(String address) {
        return jdbc.sql("""
                select count(*) from ticket t join contact_email e on e.contact_id = t.requester_id where e.email = ?""").param(address).query(Integer.class).single();
    }

    private static MimeMessage only(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static String body(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String s) return s;
        var multipart = (jakarta.mail.Multipart) content;
        var first = multipart.getBodyPart(0).getContent();
        if (first instanceof String s) return s;
        return String.valueOf(((jakarta.mail.Multipart) first).getBodyPart(0).getContent());
    }
}

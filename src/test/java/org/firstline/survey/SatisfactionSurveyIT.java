package org.firstline.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.firstline.email.EmailAdministration;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.firstline.support.Mails;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The satisfaction survey from the resolution mail to its answer, on the ticket and in the API. */
@TestPropertySource(properties = {"firstline.attachment-max-bytes=100000", "firstline.public-url=http://desk.test"})
class SatisfactionSurveyIT extends ApiTest {
    private static final Pattern SURVEY_LINK =
            Pattern.compile("http://desk\\.test(/survey/([A-Za-z0-9_-]+))\\?rating=([1-5])");
    private static final Pattern RESOLUTION_LINK =
            Pattern.compile("http://desk\\.test(/resolutions/[A-Za-z0-9_-]+)\\?answer=confirm");
    static TestMailServer mail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmailAdministration administration;

    @Autowired
    SatisfactionSurveys surveys;

    ApiClient admin;
    long mailboxId;

    @BeforeAll
    static void startMailServer() {
        mail = new TestMailServer("surveys@firstline.test");
    }

    @AfterAll
    static void stopMailServer() {
        mail.close();
    }

    @BeforeEach
    void mailbox() {
        admin = api(AgentRole.ADMIN);
        mailboxId = mail.mailbox(admin, "Survey Desk");
    }

    @Test
    @DisplayName(
            "resolving sends the survey in the one resolution mail, crediting owner, team and organization; a direct close sends none")
    void sentOnResolveNeverOnADirectClose() throws Exception {
        var owner = newAgent(AgentRole.AGENT);
        long team = team(owner.id());
        long organization = organization(unique("Survey Org"));
        String customer = customer(organization);
        long id = fileNew(customer, "Notebook will not start");
        admin.patch(
                "/api/v1/tickets/" + id,
                map("teamId", team, "ownerId", owner.id(), "status", "RESOLVED", "resolution", "WORKAROUND"));
        administration.sendOutbox();
        List<MimeMessage> resolutions = resolutionMails(customer);
        assertThat(resolutions).as("one mail carries both").hasSize(1);
        String text = Mails.text(resolutions.getFirst());
        assertThat(text).contains("How did we do?", "Yes, it is fixed:").doesNotContain("{{");
        Matcher links = SURVEY_LINK.matcher(text);
        var ratings = new java.util.ArrayList<String>();
        var tokens = new java.util.HashSet<String>();
        while (links.find()) {
            ratings.add(links.group(3));
            tokens.add(links.group(2));
        }
        assertThat(ratings).containsExactly("1", "2", "3", "4", "5");
        assertThat(tokens).hasSize(1);
        String token = tokens.iterator().next();
        assertThat(jdbc.sql("select count(*) from satisfaction_survey where token_hash = ?")
                        .param(token)
                        .query(Long.class)
                        .single())
                .as("only the hash is kept")
                .isZero();

        var survey = admin.get("/api/v1/tickets/" + id + "/satisfaction");
        assertThat(survey.status()).isEqualTo(200);
        assertThat(survey.json().get("answered").asBoolean()).isFalse();
        assertThat(survey.json().get("agentId").asLong()).isEqualTo(owner.id());
        assertThat(survey.json().get("teamId").asLong()).isEqualTo(team);
        assertThat(survey.json().get("organizationId").asLong()).isEqualTo(organization);

        long closed = fileNew(customer, "Never mind");
        assertThat(admin.patch("/api/v1/tickets/" + closed, map("status", "CLOSED", "resolution", "WORKAROUND"))
                        .status())
                .isEqualTo(200);
        administration.sendOutbox();
        assertThat(resolutionMails(customer)).hasSize(1);
        var none = admin.get("/api/v1/tickets/" + closed + "/satisfaction");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.header("Content-Type")).contains("application/problem+json");
        assertThat(jdbc.sql("select count(*) from satisfaction_survey where ticket_id = ?")
                        .param(closed)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(admin.get("/api/v1/tickets/99999999/satisfaction").status()).isEqualTo(404);
    }

    @Test
    @DisplayName(
            "the survey answered twice keeps one answer: the second within 7 days replaces the first, later ones are refused")
    void theSurveyAnsweredTwiceKeepsOneAnswer() {
        String customer = customer(null);
        long id = fileNew(customer, "Kernel dies");
        String link = resolveAndGetSurveyLink(id, customer);

        // opening the link (as a mail scanner does) records nothing
        var browser = ApiClient.anonymous(port).withCookies();
        var page = browser.get(link + "?rating=2", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("How did we do?", "Kernel dies")
                .containsPattern("id=\"rating-2\"[^>]*checked");
        assertThat(answered(id)).isFalse();
        assertThat(ApiClient.anonymous(port)
                        .postForm(link, Map.of("rating", "2"))
                        .status())
                .as("no CSRF token")
                .isEqualTo(403);
        assertThat(answered(id)).isFalse();

        String csrf = ApiClient.csrfToken(page.body());
        var first = browser.postForm(link, Map.of("rating", "2", "comment", "Slow to answer", "_csrf", csrf));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("Thank you for your rating: 2 out of 5");
        var afterFirst = admin.get("/api/v1/tickets/" + id + "/satisfaction").json();
        String firstAnsweredAt = afterFirst.get("firstAnsweredAt").asString();

        clock.advance(Duration.ofDays(3));
        var second = browser.postForm(link, Map.of("rating", "5", "comment", "Fixed for good", "_csrf", csrf));
        assertThat(second.body()).contains("Thank you for your rating: 5 out of 5");
        assertThat(jdbc.sql("select count(*) from satisfaction_survey where ticket_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        var view = admin.get("/api/v1/tickets/" + id + "/satisfaction").json();
        assertThat(view.get("rating").asInt()).isEqualTo(5);
        assertThat(view.get("comment").asString()).isEqualTo("Fixed for good");
        assertThat(view.get("changes").asInt()).isEqualTo(1);
        assertThat(view.get("firstAnsweredAt").asString()).isEqualTo(firstAnsweredAt);

        clock.advance(Duration.ofDays(5));
        var late = browser.postForm(link, Map.of("rating", "1", "_csrf", csrf));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("7 days").doesNotContain("Thank you for your rating");
        var lateByApi =
                ApiClient.anonymous(port).post("/api/v1/satisfaction/answers", map("token", token(link), "rating", 1));
        assertThat(lateByApi.status()).isEqualTo(409);
        assertThat(lateByApi.header("Content-Type")).contains("application/problem+json");
        assertThat(lateByApi.json().get("detail").asString()).contains("7 days");
        assertThat(admin.get("/api/v1/tickets/" + id + "/satisfaction")
                        .json()
                        .get("rating")
                        .asInt())
                .isEqualTo(5);
        assertThat(browser.get(link, "text/html").body())
                .contains("Your answer is final")
                .doesNotContain("survey-form");
    }

    @Test
    @DisplayName(
            "a rating outside 1–5 or a comment over 2,000 characters is refused with a clear message, nothing recorded")
    void invalidAnswersAreRefused() {
        String customer = customer(null);
        long id = fileNew(customer, "Disk full");
        String link = resolveAndGetSurveyLink(id, customer);
        var browser = ApiClient.anonymous(port).withCookies();
        String csrf = ApiClient.csrfToken(browser.get(link, "text/html").body());
        for (String rating : List.of("0", "6", "x", "")) {
            var refused = browser.postForm(link, Map.of("rating", rating, "_csrf", csrf));
            assertThat(refused.status()).as(rating).isEqualTo(400);
            assertThat(refused.body()).contains("choose a rating from 1 to 5");
        }
        var tooLong = browser.postForm(link, Map.of("rating", "3", "comment", "x".repeat(2001), "_csrf", csrf));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 2000 characters");
        var api = ApiClient.anonymous(port);
        var zero = api.post("/api/v1/satisfaction/answers", map("token", token(link), "rating", 0));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.body()).contains("rating");
        assertThat(api.post("/api/v1/satisfaction/answers", map("token", token(link)))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/satisfaction/answers", map("token", "nope", "rating", 3))
                        .status())
                .isEqualTo(404);
        assertThat(answered(id)).isFalse();
        assertThat(browser.get("/survey/not-a-token", "text/html").body()).contains("This link is not valid");

        var byApi = api.post("/api/v1/satisfaction/answers", map("token", token(link), "rating", 4, "comment", "ok"));
        assertThat(byApi.status()).as(byApi.body()).isEqualTo(200);
        assertThat(byApi.json().get("rating").asInt()).isEqualTo(4);
    }

    @Test
    @DisplayName("after a reopen, resolving again sends a new survey: the old link is refused and says so")
    void anOldSurveyAfterResolvingAgainIsRefused() {
        String customer = customer(null);
        long id = fileNew(customer, "Quota too small");
        String oldLink = resolveAndGetSurveyLink(id, customer);
        admin.patch("/api/v1/tickets/" + id, map("status", "OPEN"));
        admin.patch("/api/v1/tickets/" + id, map("status", "RESOLVED", "resolution", "CUSTOMER_SIDE"));
        administration.sendOutbox();
        List<MimeMessage> both = resolutionMails(customer);
        assertThat(both).hasSize(2);
        String newLink = surveyLink(Mails.text(both.get(1)));
        assertThat(newLink).isNotEqualTo(oldLink);

        var browser = ApiClient.anonymous(port).withCookies();
        var oldPage = browser.get(oldLink + "?rating=5", "text/html");
        assertThat(oldPage.body()).contains("resolved again").doesNotContain("survey-form");
        // the old page offers no form: a token from the new one, as a determined client would send
        String csrf = ApiClient.csrfToken(browser.get(newLink, "text/html").body());
        var old = browser.postForm(oldLink, Map.of("rating", "5", "_csrf", csrf));
        assertThat(old.status()).isEqualTo(409);
        assertThat(old.body()).contains("resolved again");
        assertThat(answered(id)).isFalse();

        var answer = browser.postForm(newLink, Map.of("rating", "3", "_csrf", csrf));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/tickets/" + id + "/satisfaction")
                        .json()
                        .get("rating")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    @DisplayName(
            "the resolution page asks for the rating once the requester said it is fixed, and the portal answers the newest survey")
    void theResolutionPageAndThePortalAnswer() {
        String customer = customer(null);
        long id = fileNew(customer, "Cannot log in");
        admin.patch("/api/v1/tickets/" + id, map("status", "RESOLVED", "resolution", "WORKAROUND"));
        administration.sendOutbox();
        Matcher m = RESOLUTION_LINK.matcher(Mails.text(resolutionMails(customer).getFirst()));
        assertThat(m.find()).isTrue();
        String resolution = m.group(1);
        var browser = ApiClient.anonymous(port).withCookies();
        var page = browser.get(resolution, "text/html");
        assertThat(page.body()).doesNotContain("survey-form");
        String csrf = ApiClient.csrfToken(page.body());
        var confirmed = browser.postForm(resolution, Map.of("answer", "confirm", "_csrf", csrf));
        assertThat(confirmed.body()).contains("the request is closed", "survey-form", "How did we do?");
        var rated = browser.postForm(
                resolution + "/rating", Map.of("rating", "4", "comment", "Quick, thanks", "_csrf", csrf));
        assertThat(rated.status()).isEqualTo(200);
        assertThat(rated.body()).contains("Thank you for your rating: 4 out of 5");
        long requester =
                admin.get("/api/v1/tickets/" + id).json().get("requesterId").asLong();
        assertThat(jdbc.sql("select answered_by_contact_id from satisfaction_survey where ticket_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(requester);

        var portal = surveys.answerAsContact(id, requester, 5, "Even better on a second look");
        assertThat(portal.rating()).isEqualTo(5);
        assertThat(portal.changes()).isEqualTo(1);
        assertThat(surveys.forTicket(id).orElseThrow().comment()).isEqualTo("Even better on a second look");
    }

    @Test
    @DisplayName("a resolution mail withdrawn before it was sent takes its unanswered survey with it")
    void aWithdrawnResolutionMailTakesItsSurvey() {
        String customer = customer(null);
        long id = fileNew(customer, "Wrong button");
        admin.patch("/api/v1/tickets/" + id, map("status", "RESOLVED", "resolution", "WORKAROUND"));
        assertThat(admin.get("/api/v1/tickets/" + id + "/satisfaction").status())
                .isEqualTo(200);
        admin.patch("/api/v1/tickets/" + id, map("status", "OPEN"));
        assertThat(admin.get("/api/v1/tickets/" + id + "/satisfaction").status())
                .as("nobody was asked")
                .isEqualTo(404);

        String link = resolveAndGetSurveyLink(id, customer);
        assertThat(resolutionMails(customer)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from satisfaction_survey where ticket_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        var api = ApiClient.anonymous(port);
        assertThat(api.post("/api/v1/satisfaction/answers", map("token", token(link), "rating", 5))
                        .status())
                .isEqualTo(200);
    }

    // --- helpers ---

    private String resolveAndGetSurveyLink(long id, String customer) {
        assertThat(admin.patch("/api/v1/tickets/" + id, map("status", "RESOLVED", "resolution", "WORKAROUND"))
                        .status())
                .isEqualTo(200);
        administration.sendOutbox();
        return surveyLink(Mails.text(resolutionMails(customer).getLast()));
    }

    private boolean answered(long id) {
        return admin.get("/api/v1/tickets/" + id + "/satisfaction")
                .json()
                .get("answered")
                .asBoolean();
    }

    static String surveyLink(String text) {
        Matcher m = SURVEY_LINK.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private long team(long memberId) {
        return admin.post("/api/v1/teams", map("name", unique("Survey Team"), "memberIds", List.of(memberId)))
                .json()
                .get("id")
                .asLong();
    }

    private long organization(String name) {
        return admin.post("/api/v1/organizations", map("name", name))
                .json()
                .get("id")
                .asLong();
    }

    /** A new customer's address; in the organization when one is given. */
    private String customer(Long organization) {
        String email = unique("cust") + "@customer.test";
        if (organization != null) {
            var created = admin.post(
                    "/api/v1/contacts",
                    map(
                            "name",
                            email.substring(0, email.indexOf('@')),
                            "emails",
                            List.of(email),
                            "organizations",
                            List.of(map("organizationId", organization, "representative", true))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        return email;
    }

    private long fileNew(String from, String subject) {
        String messageId = Mails.newId();
        mail.deliver("From: <" + from + ">\r\nTo: surveys@firstline.test\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + messageId
                + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nIt does not work.\r\n");
        administration.poll(mailboxId);
        return jdbc.sql("select ticket_id from inbound_email where message_id = ?")
                .param(messageId)
                .query(Long.class)
                .single();
    }

    private static List<MimeMessage> resolutionMails(String to) {
        return mail.sentTo(to).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().contains("] Resolved: ");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}

package org.firstline.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/** 2i2c's "confirm resolution" by mail: one mail per resolution, links that only a button uses, replies that reopen. */
@TestPropertySource(properties = {"firstline.attachment-max-bytes=100000", "firstline.public-url=http://desk.test"})
class ResolutionMailIT extends ApiTest {
    private static final Pattern LINK =
            Pattern.compile("http://desk\\.test(/resolutions/[A-Za-z0-9_-]+)\\?answer=(confirm|not-fixed)");
    static TestMailServer mail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmailAdministration administration;

    ApiClient admin;
    long mailboxId;

    @BeforeAll
    static void startMailServer() {
        mail = new TestMailServer("resolutions@firstline.test");
    }

    @AfterAll
    static void stopMailServer() {
        mail.close();
    }

    @BeforeEach
    void mailbox() {
        admin = api(AgentRole.ADMIN);
        mailboxId = mail.mailbox(admin, "Resolutions Desk");
    }

    @Test
    @DisplayName(
            "2i2c: resolving mails the requester once, in the thread; the link shows a page and its button closes the ticket")
    void resolvingMailsOnceAndTheConfirmButtonCloses() throws Exception {
        String customer = unique("ada") + "@customer.test";
        String firstId = Mails.newId();
        long id = fileNew(customer, "Notebook will not start", firstId);
        administration.sendOutbox();
        String ackId = mail.sentTo(customer).getFirst().getMessageID();

        var agent = api(AgentRole.AGENT);
        assertThat(agent.patch("/api/v1/tickets/" + id, map("status", "RESOLVED", "resolution", "WORKAROUND"))
                        .status())
                .isEqualTo(200);
        assertThat(agent.patch("/api/v1/tickets/" + id, map("priority", "HIGH")).status())
                .isEqualTo(200);
        administration.sendOutbox();
        MimeMessage resolution = only(resolutionMails(customer));
        assertThat(resolution.getSubject()).contains("[#" + number(id) + "]", "Resolved: Notebook will not start");
        assertThat(resolution.getHeader("In-Reply-To")[0]).isEqualTo("<" + firstId + ">");
        assertThat(resolution.getHeader("References")[0]).contains("<" + firstId + ">", ackId);
        String text = Mails.text(resolution);
        assertThat(text)
                .contains("How: workaround", "Yes, it is fixed:", "No, it is not fixed:", "7 days")
                .doesNotContain("{{");
        String confirm = link(text, "confirm");
        assertThat(link(text, "not-fixed")).isEqualTo(confirm);

        // opening the link (as a mail scanner does) decides nothing
        var browser = ApiClient.anonymous(port).withCookies();
        var page = browser.get(confirm, "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Notebook will not start", "Yes, it is fixed", "No, it is not fixed");
        assertThat(status(id)).isEqualTo("RESOLVED");
        assertThat(ApiClient.anonymous(port)
                        .postForm(confirm, java.util.Map.of("answer", "confirm"))
                        .status())
                .as("no CSRF token")
                .isEqualTo(403);
        assertThat(status(id)).isEqualTo("RESOLVED");
        // only the page's two buttons decide: a mistyped answer changes nothing (closed would be final)
        var mistyped = browser.postForm(
                confirm, java.util.Map.of("answer", "not_fixed", "_csrf", ApiClient.csrfToken(page.body())));
        assertThat(mistyped.body()).contains("Nothing was changed");
        assertThat(status(id)).isEqualTo("RESOLVED");

        var answered = browser.postForm(
                confirm, java.util.Map.of("answer", "confirm", "_csrf", ApiClient.csrfToken(page.body())));
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).contains("the request is closed");
        var closed = agent.get("/api/v1/tickets/" + id).json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("resolutionOutcome").asString()).isEqualTo("CONFIRMED");
        var again = browser.postForm(
                confirm, java.util.Map.of("answer", "not-fixed", "_csrf", ApiClient.csrfToken(page.body())));
        assertThat(again.body()).contains("This link has been used").doesNotContain("Thank you");
        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(browser.get("/resolutions/not-a-token", "text/html").body()).contains("This link is not valid");
    }

    @Test
    @DisplayName(
            "2i2c: a reply reopens with team and owner kept; resolving again mails anew, old links are no longer valid, not fixed goes to triage")
    void aReplyReopensAndOnlyTheNewestLinkCounts() throws Exception {
        String customer = unique("bo") + "@customer.test";
        long id = fileNew(customer, "Quota too small", Mails.newId());
        var owner = newAgent(AgentRole.AGENT);
        long team = admin.post("/api/v1/teams", map("name", unique("Hubs"), "memberIds", List.of(owner.id())))
                .json()
                .get("id")
                .asLong();
        admin.patch(
                "/api/v1/tickets/" + id,
                map("teamId", team, "ownerId", owner.id(), "status", "RESOLVED", "resolution", "WORKAROUND"));
        administration.sendOutbox();
        MimeMessage first = only(resolutionMails(customer));
        String firstLink = link(Mails.text(first), "confirm");

        String replyId = Mails.newId();
        mail.deliver(message(
                customer, "Re: " + first.getSubject(), replyId, first.getMessageID(), "Sorry, it is still too small."));
        administration.poll(mailboxId);
        assertThat(jdbc.sql("select outcome || ':' || ticket_id from inbound_email where message_id = ?")
                        .param(replyId)
                        .query(String.class)
                        .single())
                .isEqualTo("REPLY:" + id);
        var reopened = admin.get("/api/v1/tickets/" + id).json();
        assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.get("teamId").asLong()).isEqualTo(team);
        assertThat(reopened.get("ownerId").asLong()).isEqualTo(owner.id());
        var browser = ApiClient.anonymous(port).withCookies();
        assertThat(browser.get(firstLink, "text/html").body())
                .contains("no longer valid")
                .doesNotContain("Yes, it is fixed");

        admin.patch("/api/v1/tickets/" + id, map("status", "RESOLVED", "resolution", "CUSTOMER_SIDE"));
        administration.sendOutbox();
        List<MimeMessage> both = resolutionMails(customer);
        assertThat(both).hasSize(2);
        String secondLink = link(Mails.text(both.get(1)), "not-fixed");
        assertThat(secondLink).isNotEqualTo(firstLink);
        var oldPage = browser.get(firstLink, "text/html");
        assertThat(oldPage.body()).contains("no longer valid");
        var oldAnswer = browser.postForm(
                firstLink,
                java.util.Map.of(
                        "answer",
                        "confirm",
                        "_csrf",
                        ApiClient.csrfToken(browser.get(secondLink, "text/html").body())));
        assertThat(oldAnswer.body()).contains("no longer valid");
        assertThat(status(id)).isEqualTo("RESOLVED");

        var page = browser.get(secondLink, "text/html");
        var notFixed = browser.postForm(
                secondLink, java.util.Map.of("answer", "not-fixed", "_csrf", ApiClient.csrfToken(page.body())));
        assertThat(notFixed.body()).contains("open again");
        var back = admin.get("/api/v1/tickets/" + id).json();
        assertThat(back.get("status").asString()).isEqualTo("OPEN");
        assertThat(back.get("resolutionOutcome").asString()).isEqualTo("REJECTED");
        assertThat(back.get("teamId").isNull()).as("back to triage").isTrue();
    }

    @Test
    @DisplayName("2i2c: the resolution mail is an editable template with a place for the satisfaction survey")
    void theResolutionMailIsAnEditableTemplate() throws Exception {
        tools.jackson.databind.JsonNode original = null;
        for (var t : admin.get("/api/v1/email/templates").json().get("items")) {
            if (t.get("key").asString().equals("RESOLUTION")) original = t;
        }
        assertThat(original).isNotNull();
        assertThat(original.get("body").asString())
                .contains("{{survey.text}}", "{{confirm.url}}", "{{reject.url}}", "{{close.days}}");
        var saved = admin.put(
                "/api/v1/email/templates/RESOLUTION",
                map(
                        "subject",
                        "Fixed? {{ticket.subject}}",
                        "body",
                        "Hi {{requester.name}}: {{confirm.url}} / {{reject.url}}"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        try {
            String customer = unique("cy") + "@customer.test";
            long id = fileNew(customer, "Kernel dies", Mails.newId());
            admin.patch("/api/v1/tickets/" + id, map("status", "RESOLVED", "resolution", "WORKAROUND"));
            administration.sendOutbox();
            MimeMessage sent = mail.sentTo(customer).stream()
                    .filter(m -> subject(m).contains("Fixed? Kernel dies"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Mails.text(sent)).startsWith("Hi ").contains("/resolutions/");
        } finally {
            admin.put(
                    "/api/v1/email/templates/RESOLUTION",
                    map(
                            "subject",
                            original.get("subject").asString(),
                            "body",
                            original.get("body").asString()));
        }
    }

    @Test
    @DisplayName(
            "2i2c: mail from a contact in several organizations, representative of none, is held; the approving representative's organization gets it")
    void mailFromAContactInSeveralOrganizationsIsHeld() throws Exception {
        long first = organization(unique("One"));
        long second = organization(unique("Two"));
        String firstRep = unique("rep") + "@one.test", secondRep = unique("rep") + "@two.test";
        contact(firstRep, List.of(map("organizationId", first, "representative", true)));
        contact(secondRep, List.of(map("organizationId", second, "representative", true)));
        String member = unique("mo") + "@people.test";
        contact(
                member,
                List.of(
                        map("organizationId", first, "representative", false),
                        map("organizationId", second, "representative", false)));

        String messageId = Mails.newId();
        mail.deliver(message(member, "Please add a package", messageId, null, "numpy, please"));
        administration.poll(mailboxId);
        String filed = jdbc.sql("select outcome || ':' || ticket_id from inbound_email where message_id = ?")
                .param(messageId)
                .query(String.class)
                .single();
        assertThat(filed).startsWith("HELD:");
        long id = Long.parseLong(filed.substring("HELD:".length()));
        administration.sendOutbox();
        assertThat(mail.sentTo(secondRep)).hasSize(1);
        String request = Mails.text(only(mail.sentTo(firstRep)));
        Matcher approve = Pattern.compile("http://desk\\.test(/approvals/[A-Za-z0-9_-]+)\\?decision=approve")
                .matcher(request);
        assertThat(approve.find()).isTrue();
        var browser = ApiClient.anonymous(port).withCookies();
        var page = browser.get(approve.group(1), "text/html");
        browser.postForm(
                approve.group(1), java.util.Map.of("decision", "approve", "_csrf", ApiClient.csrfToken(page.body())));
        var approved = admin.get("/api/v1/tickets/" + id).json();
        assertThat(approved.get("status").asString()).isEqualTo("OPEN");
        assertThat(approved.get("organizationId").asLong()).isEqualTo(first);
    }

    // --- helpers ---

    private long fileNew(String from, String subject, String messageId) {
        mail.deliver(message(from, subject, messageId, null, "It does not work."));
        administration.poll(mailboxId);
        return jdbc.sql("select ticket_id from inbound_email where message_id = ?")
                .param(messageId)
                .query(Long.class)
                .single();
    }

    private List<MimeMessage> resolutionMails(String to) {
        return mail.sentTo(to).stream()
                .filter(m -> subject(m).contains("] Resolved: "))
                .toList();
    }

    private long number(long id) {
        return admin.get("/api/v1/tickets/" + id).json().get("number").asLong();
    }

    private String status(long id) {
        return admin.get("/api/v1/tickets/" + id).json().get("status").asString();
    }

    private long organization(String name) {
        return admin.post("/api/v1/organizations", map("name", name, "representativesOnly", true))
                .json()
                .get("id")
                .asLong();
    }

    private void contact(String email, List<?> organizations) {
        assertThat(admin.post(
                                "/api/v1/contacts",
                                map(
                                        "name",
                                        email.substring(0, email.indexOf('@')),
                                        "emails",
                                        List.of(email),
                                        "organizations",
                                        organizations))
                        .status())
                .isEqualTo(201);
    }

    private static String link(String text, String answer) {
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            if (m.group(2).equals(answer)) return m.group(1);
        }
        throw new AssertionError("no " + answer + " link in: " + text);
    }

    private static String message(String from, String subject, String id, String inReplyTo, String body) {
        return "From: <" + from + ">\r\nTo: resolutions@firstline.test\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + id + ">\r\n"
                + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\r\n")
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body.replace("\n", "\r\n")
                + "\r\n";
    }

    private static MimeMessage only(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

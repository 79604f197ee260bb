package org.firstline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.firstline.directory.AgentService;
import org.firstline.directory.ContactService;
import org.firstline.directory.OrganizationService;
import org.firstline.email.EmailAdministration;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.firstline.support.Mails;
import org.firstline.support.TestMailServer;
import org.firstline.ticket.MessageWithFiles;
import org.firstline.ticket.TicketService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Signing in by mailed link: single use, short-lived, only in the browser that asked, and limited per address. */
@TestPropertySource(
        properties = {
            "firstline.public-url=http://desk.test",
            "firstline.ticket-form.mailbox=form-help@firstline.test",
            "firstline.ticket-form.network-limit-per-hour=100000"
        })
class PortalSignInIT extends ApiTest {
    static TestMailServer mail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmailAdministration administration;

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

    String email;

    @BeforeAll
    static void startMailServer() {
        mail = TestMailServer.shared("form-help@firstline.test");
    }

    @BeforeEach
    void contact() {
        mail.mailbox(api(AgentRole.ADMIN), "Firstline Support");
        email = unique("ada") + "@customer.test";
        var fixture = new PortalFixture(organizations, contacts, tickets, messages, agents);
        long org = fixture.organization(unique("Org"), false);
        fixture.contact("Ada Quinn", email, Map.of(org, false));
    }

    @Test
    void theMailedLinkSignsInOnceInTheBrowserThatAskedForIt() throws Exception {
        var browser = new PortalHttp(port);
        assertThat(browser.get("/portal").statusCode()).isEqualTo(302);
        var asked = browser.askLink(email.toUpperCase(java.util.Locale.ROOT));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("a sign-in link is on its way");

        administration.sendOutbox();
        var sent = mail.sentTo(email);
        assertThat(sent).hasSize(1);
        String text = Mails.text(sent.get(0));
        assertThat(sent.get(0).getSubject()).startsWith("Your sign-in link");
        var link = PortalHttp.LINK.matcher(text);
        assertThat(link.find()).isTrue();
        assertThat(text).contains("Hello Ada Quinn", "15 minutes", "same browser");

        // a mail scanner, or anyone else who sees the mail, opens it elsewhere: refused, and the link still works
        var elsewhere = new PortalHttp(port).get(link.group(1));
        assertThat(elsewhere.statusCode()).isEqualTo(410);
        assertThat(elsewhere.body()).contains("asked for in another browser");

        var opened = browser.get(link.group(1));
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location")).hasValue("/portal");
        assertThat(opened.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("FIRSTLINE_PORTAL=").contains("HttpOnly", "SameSite=Lax"));
        var home = browser.get("/portal");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Ada Quinn", "Sign out");

        var again = new PortalHttp(port);
        again.addCookie("FIRSTLINE_PORTAL_BROWSER", browser.cookie("FIRSTLINE_PORTAL_BROWSER"));
        var reused = again.get(link.group(1));
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.body()).contains("has been used already");
        assertThat(again.get("/portal").statusCode()).isEqualTo(302);
    }

    @Test
    void anExpiredOrUnknownLinkSignsNobodyIn() {
        var browser = new PortalHttp(port);
        browser.askLink(email);
        String link = PortalHttp.newestLink(jdbc, email);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        var expired = browser.get(link);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("has expired");
        assertThat(browser.get("/portal").statusCode()).isEqualTo(302);

        var unknown = browser.get("/portal/sign-in/not-a-real-link");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("not valid");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String stranger = unique("nobody") + "@customer.test";
        var browser = new PortalHttp(port);
        var known = browser.askLink(email).body();
        var unknown = browser.askLink(stranger).body();
        assertThat(unknown).contains("a sign-in link is on its way");
        assertThat(withoutToken(unknown)).isEqualTo(withoutToken(known).replace(email, stranger));
        administration.sendOutbox();
        assertThat(mail.sentTo(stranger)).isEmpty();
    }

    @Test
    void anAddressGetsFiveLinksAnHourAndAFormWithoutItsTokenIsRefused() {
        var browser = new PortalHttp(port);
        for (int i = 0; i < 5; i++)
            assertThat(browser.askLink(email).statusCode()).isEqualTo(200);
        var sixth = browser.askLink(email);
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).contains("Too many requests");
        assertThat(browser.api("POST", "/api/portal/v1/sign-in", "{\"email\":\"" + email + "\"}")
                        .statusCode())
                .isEqualTo(429);
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(browser.askLink(email).statusCode()).isEqualTo(200);

        var noToken = new PortalHttp(port).post("/portal/sign-in", Map.of("email", email));
        assertThat(noToken.statusCode()).isEqualTo(302);
        assertThat(noToken.headers().firstValue("Location").orElse("")).contains("/portal/sign-in?expired");
        var bad = browser.askLink("not an address");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("must be an email address");
    }

    @Test
    void theCustomerApiAnswersInProblemJson() {
        var anonymous = new PortalHttp(port);
        var unauthorized = anonymous.api("GET", "/api/portal/v1/tickets", null);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        var browser = new PortalHttp(port).signIn(jdbc, email);
        var bad = browser.api("GET", "/api/portal/v1/tickets?page=0", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("page").doesNotContain("Exception", "org.firstline");
        var wrongType = browser.api("GET", "/api/portal/v1/tickets?show=EVERYTHING", null);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        var broken = browser.api("POST", "/api/portal/v1/tickets", "{\"subject\":");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).doesNotContain("Exception", "tools.jackson");
        var missing = browser.api("GET", "/api/portal/v1/tickets/999999999", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        // a write without the CSRF header is refused
        var forged = new PortalHttp(port).signIn(jdbc, email);
        var noHeader = forged.post("/api/portal/v1/sign-out", Map.of());
        assertThat(noHeader.statusCode()).isEqualTo(403);
        assertThat(noHeader.body()).contains("X-CSRF-TOKEN");
    }

    /** The page without its form's random CSRF token. */
    private static String withoutToken(String page) {
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
    }
}

package org.firstline.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.firstline.directory.AgentService;
import org.firstline.directory.ContactService;
import org.firstline.directory.OrganizationService;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.firstline.support.TestMailServer;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.MessageWithFiles;
import org.firstline.ticket.TicketService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Every portal page and customer API endpoint, as customers of two organizations, a contact in both, representatives
 * and a requester held for approval: each sees exactly its own tickets, files, approvals and figures, and every other
 * one answers as if it did not exist. Leaks are collected over the whole matrix and must number zero.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(
        properties = {
            "firstline.public-url=http://desk.test",
            "firstline.ticket-form.mailbox=form-help@firstline.test",
            "firstline.ticket-form.network-limit-per-hour=100000"
        })
class PortalIsolationIT extends ApiTest {
    private static final Pattern ROW = Pattern.compile("data-number=\"(\\d+)\"");
    private static final Pattern API_NUMBER = Pattern.compile("\"number\":(\\d+)");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ContactService contacts;

    @Autowired
    TicketService ticketService;

    @Autowired
    MessageWithFiles messages;

    @Autowired
    AgentService agents;

    TestMailServer mail;
    String marker;
    long orgA, orgB, orgR;
    /** Customer name → address. */
    final Map<String, String> people = new LinkedHashMap<>();
    /** Ticket name → number. */
    final Map<String, Long> numbers = new LinkedHashMap<>();
    /** File name → [ticket number, attachment id]. */
    final Map<String, long[]> files = new LinkedHashMap<>();

    final Map<String, Set<String>> sees = Map.of(
            "alice", Set.of("a1"),
            "bob", Set.of("b1"),
            "carol", Set.of("c1", "c2"),
            "rita", Set.of("a1", "a2", "c1"),
            "rosa", Set.of("r1"),
            "max", Set.of("r1"));

    final List<String> leaks = new ArrayList<>();

    @BeforeAll
    void world() {
        mail = TestMailServer.shared("form-help@firstline.test");
        mail.mailbox(api(AgentRole.ADMIN), "Firstline Support");
        marker = unique("iso");
        var fixture = new PortalFixture(organizations, contacts, ticketService, messages, agents);
        orgA = fixture.organization(marker + " Alpha", false);
        orgB = fixture.organization(marker + " Beta", false);
        orgR = fixture.organization(marker + " Reps", true);
        person(fixture, "alice", Map.of(orgA, false));
        person(fixture, "bob", Map.of(orgB, false));
        person(fixture, "carol", Map.of(orgA, false, orgB, false));
        person(fixture, "rita", Map.of(orgA, true));
        person(fixture, "rosa", Map.of(orgR, true));
        person(fixture, "max", Map.of(orgR, false));
        var a1 = ticket(fixture, "a1", "alice", orgA, false);
        files.put("a1-public.txt", new long[] {a1, 0});
        ticket(fixture, "a2", "rita", orgA, false);
        var b1 = ticket(fixture, "b1", "bob", orgB, false);
        ticket(fixture, "c1", "carol", orgA, false);
        ticket(fixture, "c2", "carol", orgB, false);
        ticket(fixture, "ai", "alice", orgA, true);
        ticket(fixture, "r1", "max", orgR, false);
        long a1id = id(a1);
        fixture.post(a1id, "Public answer " + marker, MessageKind.PUBLIC, "a1-public.txt");
        fixture.post(a1id, "SECRET-NOTE " + marker + " agent@support.example", MessageKind.NOTE, "a1-note.txt");
        fixture.post(id(b1), "Public answer to Beta " + marker, MessageKind.PUBLIC, "b1-public.txt");
        files.put("a1-public.txt", new long[] {a1, attachment(a1id, "a1-public.txt")});
        files.put("a1-note.txt", new long[] {a1, attachment(a1id, "a1-note.txt")});
        files.put("b1-public.txt", new long[] {b1, attachment(id(b1), "b1-public.txt")});
    }

    @Test
    void everyCustomerSeesExactlyTheirOwnOnEveryPageAndEndpoint() {
        for (var person : sees.keySet()) {
            var browser = new PortalHttp(port).signIn(jdbc, people.get(person));
            Set<String> expected = sees.get(person);
            Set<Long> expectedNumbers = new TreeSet<>();
            expected.forEach(t -> expectedNumbers.add(numbers.get(t)));

            check(person, "page /portal?show=ALL", listed(browser.get("/portal?show=ALL"), ROW), expectedNumbers);
            check(
                    person,
                    "API /tickets?show=ALL",
                    listed(browser.api("GET", "/api/portal/v1/tickets?show=ALL", null), API_NUMBER),
                    expectedNumbers);

            for (var ticket : numbers.entrySet()) {
                boolean visible = expected.contains(ticket.getKey());
                long number = ticket.getValue();
                status(person, "page #" + ticket.getKey(), browser.get("/portal/tickets/" + number), visible);
                status(
                        person,
                        "API #" + ticket.getKey(),
                        browser.api("GET", "/api/portal/v1/tickets/" + number, null),
                        visible);
                if (!visible) {
                    long before = messageCount(number);
                    status(
                            person,
                            "reply to #" + ticket.getKey(),
                            browser.postForm(
                                    "/portal", "/portal/tickets/" + number + "/replies", Map.of("body", "sneaky")),
                            false);
                    status(
                            person,
                            "API reply to #" + ticket.getKey(),
                            browser.api(
                                    "POST", "/api/portal/v1/tickets/" + number + "/messages", "{\"body\":\"sneaky\"}"),
                            false);
                    status(
                            person,
                            "resolution of #" + ticket.getKey(),
                            browser.postForm(
                                    "/portal",
                                    "/portal/tickets/" + number + "/resolution",
                                    Map.of("answer", "confirm")),
                            false);
                    status(
                            person,
                            "rating of #" + ticket.getKey(),
                            browser.postForm("/portal", "/portal/tickets/" + number + "/rating", Map.of("rating", "5")),
                            false);
                    status(
                            person,
                            "API rating of #" + ticket.getKey(),
                            browser.api("POST", "/api/portal/v1/tickets/" + number + "/satisfaction", "{\"rating\":5}"),
                            false);
                    if (messageCount(number) != before) leaks.add(person + " wrote on #" + ticket.getKey());
                }
            }
            for (var file : files.entrySet()) {
                long number = file.getValue()[0];
                long fileId = file.getValue()[1];
                boolean visible =
                        expectedNumbers.contains(number) && file.getKey().contains("public");
                var got = browser.bytes("/portal/tickets/" + number + "/files/" + fileId);
                if ((got.statusCode() == 200) != visible || (!visible && got.statusCode() != 404)) {
                    leaks.add(person + " file " + file.getKey() + ": " + got.statusCode());
                }
                // a file asked for through a ticket the customer does see, but of another ticket
                for (long own : expectedNumbers) {
                    if (own == number) continue;
                    var crossed = browser.bytes("/portal/tickets/" + own + "/files/" + fileId);
                    if (crossed.statusCode() != 404)
                        leaks.add(person + " file via #" + own + ": " + crossed.statusCode());
                }
            }
            boolean rosa = person.equals("rosa");
            var approvals = browser.get("/portal/approvals");
            if (approvals.body().contains("data-number=\"" + numbers.get("r1") + "\"") != rosa) {
                leaks.add(person + " approvals page shows r1: " + !rosa);
            }
            var approvalsApi = browser.api("GET", "/api/portal/v1/approvals", null);
            if (approvalsApi.body().contains(marker + " r1") != rosa) leaks.add(person + " approvals API");
            if (!rosa) {
                status(
                        person,
                        "approve r1",
                        browser.postForm(
                                "/portal", "/portal/approvals/" + numbers.get("r1"), Map.of("decision", "approve")),
                        false);
                status(
                        person,
                        "API approve r1",
                        browser.api("POST", "/api/portal/v1/approvals/" + numbers.get("r1"), "{\"approve\":true}"),
                        false);
            }
            for (long org : List.of(orgA, orgB, orgR)) {
                boolean represents = (person.equals("rita") && org == orgA) || (rosa && org == orgR);
                status(person, "figures of " + org, browser.get("/portal/organizations/" + org), represents);
                status(
                        person,
                        "API figures of " + org,
                        browser.api("GET", "/api/portal/v1/organizations/" + org + "/figures", null),
                        represents);
            }
            var me = browser.api("GET", "/api/portal/v1/me", null).body();
            for (var other : List.of(marker + " Alpha", marker + " Beta", marker + " Reps")) {
                boolean member = switch (person) {
                    case "alice", "rita" -> other.endsWith("Alpha");
                    case "bob" -> other.endsWith("Beta");
                    case "carol" -> !other.endsWith("Reps");
                    default -> other.endsWith("Reps");
                };
                if (me.contains(other) != member) leaks.add(person + " /me organization " + other);
            }
            // filtering by an organization that is not theirs is "not found", not an empty list
            if (!person.equals("bob") && !person.equals("carol")) {
                status(person, "filter by Beta", browser.get("/portal?organization=" + orgB), false);
            }
        }
        assertThat(leaks).as("leaks").isEmpty();
        assertThat(messageCount(numbers.get("r1"))).isPositive();
    }

    @Test
    void aTicketPageShowsThePublicConversationAndNothingElse() {
        var rita = new PortalHttp(port).signIn(jdbc, people.get("rita"));
        var page = rita.get("/portal/tickets/" + numbers.get("a1"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Public answer " + marker, "a1-public.txt", "The body of " + marker + " a1")
                .doesNotContain("SECRET-NOTE", "a1-note.txt", "agent@support.example", "system:", "href=\"/tickets/");
        var api = rita.api("GET", "/api/portal/v1/tickets/" + numbers.get("a1"), null);
        assertThat(api.body())
                .contains("Public answer " + marker)
                .doesNotContain("SECRET-NOTE", "a1-note.txt", "auditName", "username");
        var file = rita.bytes("/portal/tickets/" + numbers.get("a1") + "/files/" + files.get("a1-public.txt")[1]);
        assertThat(new String(file.body())).isEqualTo("contents of a1-public.txt");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void customerAndAgentSessionsNeverStandInForEachOther() {
        var agent = newAgent(AgentRole.ADMIN);
        var agentBrowser = signedIn(agent);
        // an agent signed in to the desk is a stranger to the portal
        assertThat(agentBrowser.get("/portal", "text/html").status()).isEqualTo(302);
        assertThat(agentBrowser.get("/api/portal/v1/me").status()).isEqualTo(401);

        var customer = new PortalHttp(port).signIn(jdbc, people.get("rita"));
        String portalCookie = customer.cookie("FIRSTLINE_PORTAL");
        assertThat(portalCookie).isNotBlank();
        assertThat(customer.get("/tickets").statusCode()).as("agents' pages").isEqualTo(302);
        assertThat(customer.get("/tickets").headers().firstValue("Location")).hasValue("/login");
        assertThat(customer.api("GET", "/api/v1/tickets", null).statusCode()).isEqualTo(401);
        // the portal's cookie as an agent's session cookie, and the other way round, are nothing
        var forged = new PortalHttp(port);
        forged.addCookie("SESSION", portalCookie);
        assertThat(forged.get("/tickets").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name like 'portal%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void signingOutEndsTheSessionAndAContactLeavingAnOrganizationLosesItsTicketsAtOnce() {
        String email = unique("leaver") + "@customer.test";
        var fixture = new PortalFixture(organizations, contacts, ticketService, messages, agents);
        long contact = fixture.contact("Leaver", email, Map.of(orgA, true));
        var browser = new PortalHttp(port).signIn(jdbc, email);
        assertThat(listed(browser.get("/portal?show=ALL"), ROW)).contains(numbers.get("a1"));
        contacts.update(contact, new org.firstline.directory.ContactForm(null, null, List.of()));
        assertThat(listed(browser.get("/portal?show=ALL"), ROW)).doesNotContain(numbers.get("a1"));
        assertThat(browser.get("/portal/tickets/" + numbers.get("a1")).statusCode())
                .isEqualTo(404);

        var out = browser.postForm("/portal", "/portal/sign-out", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(browser.get("/portal").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from portal_session where contact_id = ?")
                        .param(contact)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void person(PortalFixture fixture, String name, Map<Long, Boolean> memberships) {
        String email = name + "." + marker + "@customer.test";
        fixture.contact(name + " " + marker, email, memberships);
        people.put(name, email);
    }

    private long ticket(PortalFixture fixture, String name, String requester, long org, boolean internal) {
        long number = fixture.ticket(marker + " " + name, people.get(requester), org, internal)
                .number();
        numbers.put(name, number);
        return number;
    }

    private long id(long number) {
        return jdbc.sql("select id from ticket where number = ?")
                .param(number)
                .query(Long.class)
                .single();
    }

    private long attachment(long ticketId, String filename) {
        return jdbc.sql("select id from attachment where ticket_id = ? and filename = ?")
                .params(ticketId, filename)
                .query(Long.class)
                .single();
    }

    private long messageCount(long number) {
        return jdbc.sql("select count(*) from message m join ticket t on t.id = m.ticket_id where t.number = ?")
                .param(number)
                .query(Long.class)
                .single();
    }

    /** The fixture's tickets among those a list shows. */
    private Set<Long> listed(HttpResponse<String> response, Pattern number) {
        Set<Long> shown = new TreeSet<>();
        var m = number.matcher(response.body());
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            if (numbers.containsValue(n)) shown.add(n);
        }
        return shown;
    }

    private void check(String person, String where, Set<Long> shown, Set<Long> expected) {
        if (!shown.equals(expected)) leaks.add(person + " " + where + ": " + shown + " instead of " + expected);
    }

    /** A visible thing answers 2xx or a redirect; an invisible one exactly 404, like something that does not exist. */
    private void status(String person, String what, HttpResponse<String> response, boolean visible) {
        int status = response.statusCode();
        boolean ok = visible ? status < 400 : status == 404;
        if (!ok) leaks.add(person + " " + what + ": " + status);
    }
}

package org.firstline.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.util.ArrayList;
import java.util.List;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Which organization a ticket is filed in, and who may open one there; merging duplicates. */
class TicketFilingIT extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName(
            "2i2c: a ticket opened over the API for a non-representative is held and the representatives are asked")
    void anApiTicketFromANonRepresentativeIsHeld() {
        var admin = api(AgentRole.ADMIN);
        String domain = unique("hub") + ".edu";
        long org = organization(admin, domain, true);
        String rep = "rita@" + domain;
        contact(admin, rep, org, true);
        long held = open(api(AgentRole.AGENT), "sam@" + domain, null).get("id").asLong();
        var ticket = admin.get("/api/v1/tickets/" + held).json();
        assertThat(ticket.get("status").asString()).isEqualTo("PENDING");
        assertThat(ticket.get("pendingReason").asString()).isEqualTo("REPRESENTATIVE_APPROVAL");
        assertThat(ticket.get("organizationId").asLong()).isEqualTo(org);
        assertThat(approvalRecipients(held)).containsExactly(rep);
        assertThat(bodies(admin, held)).anyMatch(b -> b.startsWith("Held for approval") && b.contains(rep));

        // a representative's own ticket is not held
        var byRep = open(api(AgentRole.AGENT), rep, null);
        assertThat(byRep.get("status").asString()).isEqualTo("NEW");
        assertThat(approvalRecipients(byRep.get("id").asLong())).isEmpty();
    }

    @Test
    @DisplayName(
            "2i2c: a contact in several organizations, representative of none, is held and each one's representatives asked")
    void aContactInSeveralRepresentativesOnlyOrganizationsIsHeld() {
        var admin = api(AgentRole.ADMIN);
        long first = organization(admin, unique("one") + ".edu", true);
        long second = organization(admin, unique("two") + ".edu", true);
        String firstRep = unique("rep1") + "@reps.test", secondRep = unique("rep2") + "@reps.test";
        contact(admin, firstRep, first, true);
        contact(admin, secondRep, second, true);
        String member = unique("member") + "@elsewhere.test";
        assertThat(admin.post(
                                "/api/v1/contacts",
                                map(
                                        "name",
                                        "Mo",
                                        "emails",
                                        List.of(member),
                                        "organizations",
                                        List.of(
                                                map("organizationId", first, "representative", false),
                                                map("organizationId", second, "representative", false))))
                        .status())
                .isEqualTo(201);

        var ticket = open(api(AgentRole.AGENT), member, null);
        assertThat(ticket.get("status").asString()).isEqualTo("PENDING");
        assertThat(ticket.get("pendingReason").asString()).isEqualTo("REPRESENTATIVE_APPROVAL");
        assertThat(ticket.get("organizationId").isNull())
                .as("the triager or the approving representative decides")
                .isTrue();
        assertThat(approvalRecipients(ticket.get("id").asLong())).containsExactlyInAnyOrder(firstRep, secondRep);

        // one of the organizations takes anyone: the requester may be writing for it, so the triager decides
        long open = organization(admin, unique("open") + ".edu", false);
        String both = unique("both") + "@elsewhere.test";
        admin.post(
                "/api/v1/contacts",
                map(
                        "name",
                        "Bo",
                        "emails",
                        List.of(both),
                        "organizations",
                        List.of(
                                map("organizationId", first, "representative", false),
                                map("organizationId", open, "representative", false))));
        assertThat(open(api(AgentRole.AGENT), both, null).get("status").asString())
                .isEqualTo("NEW");
    }

    @Test
    @DisplayName(
            "2i2c: moving a ticket into a representatives-only organization is refused unless the triager confirms")
    void aTriagerMustConfirmFilingANonRepresentativesTicket() {
        var admin = api(AgentRole.ADMIN);
        long org = organization(admin, unique("strict") + ".edu", true);
        String orgName =
                admin.get("/api/v1/organizations/" + org).json().get("name").asString();
        var triager = newAgent(AgentRole.AGENT);
        var api = api(triager);
        long id = open(api, unique("walkin") + "@gmail.test", null).get("id").asLong();

        var refused = api.patch("/api/v1/tickets/" + id, map("organizationId", org, "priority", "HIGH"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.json().get("detail").asString())
                .contains("is not a representative of " + orgName, "confirmNotRepresentative");
        var unchanged = api.get("/api/v1/tickets/" + id).json();
        assertThat(unchanged.get("organizationId").isNull()).isTrue();
        assertThat(unchanged.get("priority").asString())
                .as("nothing of the refused change")
                .isEqualTo("NORMAL");

        var confirmed =
                api.patch("/api/v1/tickets/" + id, map("organizationId", org, "confirmNotRepresentative", true));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("organizationId").asLong()).isEqualTo(org);
        var audit = api.get("/api/v1/tickets/" + id + "/audit").json().get("items");
        assertThat(find(audit, "reason", "organization_id").get("actor").asString())
                .isEqualTo("agent:" + triager.username());

        // the same on the ticket page: the message where the triager looks, then one click to confirm
        var secondTicket = open(api, unique("walkin") + "@gmail.test", null);
        long second = secondTicket.get("id").asLong();
        long secondNumber = secondTicket.get("number").asLong();
        var browser = signedIn(triager);
        String csrf = ApiClient.csrfToken(
                browser.get("/tickets/" + secondNumber, "text/html").body());
        var posted = browser.postForm(
                "/tickets/" + secondNumber + "/properties",
                java.util.Map.of(
                        "_csrf",
                        csrf,
                        "status",
                        "NEW",
                        "priority",
                        "NORMAL",
                        "type",
                        "QUESTION",
                        "impact",
                        "NONE",
                        "organizationId",
                        String.valueOf(org)));
        assertThat(posted.status()).isEqualTo(302);
        var page = browser.get("/tickets/" + secondNumber, "text/html").body();
        assertThat(page)
                .contains("representative-warning", "is not a representative of " + orgName, "File it there anyway");
        assertThat(api.get("/api/v1/tickets/" + second)
                        .json()
                        .get("organizationId")
                        .isNull())
                .isTrue();
        var confirmForm = page.substring(page.indexOf("id=\"representative-warning\""));
        var again = browser.postForm(
                "/tickets/" + secondNumber + "/properties",
                java.util.Map.of(
                        "_csrf",
                        ApiClient.csrfToken(confirmForm),
                        "status",
                        "NEW",
                        "priority",
                        "NORMAL",
                        "type",
                        "QUESTION",
                        "impact",
                        "NONE",
                        "organizationId",
                        String.valueOf(org),
                        "confirmNotRepresentative",
                        "true"));
        assertThat(again.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/tickets/" + second)
                        .json()
                        .get("organizationId")
                        .asLong())
                .isEqualTo(org);
    }

    @Test
    @DisplayName(
            "2i2c: an existing contact in no organization is filed with their email domain's organization, over the API and the form")
    void anExistingContactWithoutOrganizationGetsTheirDomainsOrganization() {
        var admin = api(AgentRole.ADMIN);
        String domain = unique("acme") + ".test";
        String early = "early@" + domain, walkIn = "walkin@" + domain;
        long earlyContact = admin.post("/api/v1/contacts", map("name", "Early", "emails", List.of(early)))
                .json()
                .get("id")
                .asLong();
        long walkInContact = admin.post("/api/v1/contacts", map("name", "Walk", "emails", List.of(walkIn)))
                .json()
                .get("id")
                .asLong();
        long org = organization(admin, domain, false);

        var ticket = open(api(AgentRole.AGENT), early, null);
        assertThat(ticket.get("organizationId").asLong()).isEqualTo(org);
        assertThat(admin.get("/api/v1/contacts/" + earlyContact)
                        .json()
                        .get("organizations")
                        .get(0)
                        .get("organizationId")
                        .asLong())
                .isEqualTo(org);

        var agent = newAgent(AgentRole.AGENT);
        var browser = signedIn(agent);
        String csrf =
                ApiClient.csrfToken(browser.get("/tickets/new", "text/html").body());
        var posted = browser.postForm(
                "/tickets/new",
                java.util.Map.of(
                        "_csrf",
                        csrf,
                        "email",
                        walkIn,
                        "subject",
                        "Phone call",
                        "body",
                        "Called in",
                        "type",
                        "QUESTION",
                        "priority",
                        "NORMAL",
                        "channel",
                        "PHONE"));
        assertThat(posted.status()).isEqualTo(302);
        long fromForm = Long.parseLong(posted.header("Location").replaceAll(".*/tickets/", ""));
        assertThat(admin.get("/api/v1/tickets/by-number/" + fromForm)
                        .json()
                        .get("organizationId")
                        .asLong())
                .isEqualTo(org);
        assertThat(admin.get("/api/v1/contacts/" + walkInContact).json().get("organizations"))
                .hasSize(1);
    }

    @Test
    @DisplayName(
            "2i2c: merging keeps the duplicate's requester informed on the survivor, which shows it as merged from")
    void mergingCopiesTheRequesterAndLinksAsMergedFrom() {
        var api = api(AgentRole.AGENT);
        String survivorRequester = unique("first") + "@example.org",
                duplicateRequester = unique("second") + "@example.org";
        long survivor = open(api, survivorRequester, null).get("id").asLong();
        var duplicate = open(api, duplicateRequester, null);
        long sameRequester = open(api, survivorRequester, null).get("id").asLong();

        var merged = api.post(
                "/api/v1/tickets/" + duplicate.get("id").asLong() + "/links",
                map("kind", "DUPLICATE_OF", "ticketId", survivor, "merge", true));
        assertThat(merged.status()).as(merged.body()).isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/tickets/" + sameRequester + "/links",
                                map("kind", "DUPLICATE_OF", "ticketId", survivor, "merge", true))
                        .status())
                .isEqualTo(201);

        var after = api.get("/api/v1/tickets/" + survivor).json();
        List<String> cc = new ArrayList<>();
        after.get("cc").forEach(c -> cc.add(c.asString()));
        assertThat(cc).as("the survivor's own requester is not copied").containsExactly(duplicateRequester);
        var links = api.get("/api/v1/tickets/" + survivor + "/links").json().get("items");
        List<String> kinds = new ArrayList<>();
        links.forEach(l -> kinds.add(
                l.get("kind").asString() + " #" + l.get("targetNumber").asLong()));
        assertThat(kinds)
                .containsExactlyInAnyOrder(
                        "MERGED_FROM #" + duplicate.get("number").asLong(),
                        "MERGED_FROM #"
                                + api.get("/api/v1/tickets/" + sameRequester)
                                        .json()
                                        .get("number")
                                        .asLong());
        assertThat(api.get("/api/v1/tickets/" + duplicate.get("id").asLong() + "/links")
                        .json()
                        .get("items")
                        .get(0)
                        .get("kind")
                        .asString())
                .isEqualTo("DUPLICATE_OF");
        assertThat(signedIn(newAgent(AgentRole.AGENT))
                        .get(
                                "/tickets/"
                                        + api.get("/api/v1/tickets/" + survivor)
                                                .json()
                                                .get("number")
                                                .asLong(),
                                "text/html")
                        .body())
                .contains("merged from", "#" + duplicate.get("number").asLong());
        assertThat(api.post(
                                "/api/v1/tickets/" + survivor + "/links",
                                map("kind", "MERGED_FROM", "ticketId", sameRequester))
                        .status())
                .as("made by merging only")
                .isEqualTo(400);
    }

    private static long organization(ApiClient admin, String domain, boolean representativesOnly) {
        var created = admin.post(
                "/api/v1/organizations",
                map("name", unique("Org"), "domains", List.of(domain), "representativesOnly", representativesOnly));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static void contact(ApiClient admin, String email, long organization, boolean representative) {
        var created = admin.post(
                "/api/v1/contacts",
                map(
                        "name",
                        email.substring(0, email.indexOf('@')),
                        "emails",
                        List.of(email),
                        "organizations",
                        List.of(map("organizationId", organization, "representative", representative))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static JsonNode open(ApiClient api, String requester, Long organizationId) {
        var body = organizationId == null
                ? map("subject", "Need help", "body", "Please", "requester", map("email", requester))
                : map(
                        "subject",
                        "Need help",
                        "body",
                        "Please",
                        "requester",
                        map("email", requester),
                        "organizationId",
                        organizationId);
        var response = api.post("/api/v1/tickets", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private List<String> approvalRecipients(long ticketId) {
        return jdbc.sql("""
                select o.recipients[1] from approval_request a join outbound_email o on o.id = a.outbound_email_id
                where a.ticket_id = ? and o.kind = 'APPROVAL_REQUEST'""").param(ticketId).query(String.class).list();
    }

    private static List<String> bodies(ApiClient api, long ticketId) {
        List<String> bodies = new ArrayList<>();
        api.get("/api/v1/tickets/" + ticketId + "/messages")
                .json()
                .get("items")
                .forEach(m -> bodies.add(m.get("body").asString()));
        return bodies;
    }

    private static JsonNode find(JsonNode entries, String action, String field) {
        for (JsonNode e : entries) {
            if (e.get("action").asString().equals(action)
                    && field.equals(e.get("field").asString())) return e;
        }
        return null;
    }
}

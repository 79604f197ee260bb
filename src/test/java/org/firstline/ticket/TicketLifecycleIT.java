package org.firstline.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;
import static org.firstline.ticket.TicketApiIT.fields;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The status machine, the conversation, links, time and the audit trail, through the API. */
class TicketLifecycleIT extends ApiTest {

    private long open(ApiClient api) {
        var response = api.post(
                "/api/v1/tickets",
                map(
                        "subject",
                        "Lifecycle",
                        "body",
                        "Please help",
                        "requester",
                        map("email", unique("life") + "@example.org", "name", "Lee")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private String status(ApiClient api, long id) {
        return api.get("/api/v1/tickets/" + id).json().get("status").asString();
    }

    @Test
    void agentReplyOpensANewTicketAndRequesterReplyEndsWaitingOnCustomer() {
        var api = api(AgentRole.AGENT);
        long id = open(api);
        var reply = api.post("/api/v1/tickets/" + id + "/messages", map("body", "We are on it"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("kind").asString()).isEqualTo("PUBLIC");
        assertThat(status(api, id)).isEqualTo("OPEN");

        assertThat(api.patch("/api/v1/tickets/" + id, map("status", "PENDING", "pendingReason", "CUSTOMER"))
                        .status())
                .isEqualTo(200);
        var note = api.post("/api/v1/tickets/" + id + "/messages", map("body", "internal only", "kind", "NOTE"));
        assertThat(note.json().get("kind").asString()).isEqualTo("NOTE");
        assertThat(status(api, id)).as("a note does not end the wait").isEqualTo("PENDING");

        String requester = api.get("/api/v1/contacts/"
                        + api.get("/api/v1/tickets/" + id)
                                .json()
                                .get("requesterId")
                                .asLong())
                .json()
                .get("emails")
                .get(0)
                .asString();
        api.post("/api/v1/tickets/" + id + "/messages", map("body", "Here are the logs", "fromRequester", requester));
        assertThat(status(api, id)).isEqualTo("OPEN");
        var kinds = new ArrayList<String>();
        api.get("/api/v1/tickets/" + id + "/messages")
                .json()
                .get("items")
                .forEach(m -> kinds.add(m.get("kind").asString()));
        assertThat(kinds).containsExactly("PUBLIC", "PUBLIC", "NOTE", "PUBLIC");
    }

    @Test
    void pendingNeedsAReasonAndResolvingNeedsAResolutionAndItsLink() {
        var api = api(AgentRole.AGENT);
        long id = open(api);
        var noReason = api.patch("/api/v1/tickets/" + id, map("status", "PENDING"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(fields(noReason.json())).containsExactly("pendingReason");

        var noResolution = api.patch("/api/v1/tickets/" + id, map("status", "RESOLVED"));
        assertThat(noResolution.status()).isEqualTo(400);
        assertThat(fields(noResolution.json())).containsExactly("resolution");

        var noLink = api.patch("/api/v1/tickets/" + id, map("status", "RESOLVED", "resolution", "CODE_FIX"));
        assertThat(noLink.status()).isEqualTo(400);
        assertThat(fields(noLink.json())).containsExactly("resolutionLink");

        var resolved = api.patch(
                "/api/v1/tickets/" + id,
                map(
                        "status",
                        "RESOLVED",
                        "resolution",
                        "CODE_FIX",
                        "resolutionLink",
                        "https://github.com/example/hub/pull/7"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("resolutionOutcome").asString()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(resolved.json().get("resolvedAt").asString())
                .isEqualTo(clock.instant().toString());
    }

    @Test
    void forbiddenTransitionsAreRefusedWithAConflictThatSaysWhy() {
        var api = api(AgentRole.AGENT);
        long id = open(api);
        api.patch("/api/v1/tickets/" + id, map("status", "OPEN"));
        var backToNew = api.patch("/api/v1/tickets/" + id, map("status", "NEW"));
        assertThat(backToNew.status()).isEqualTo(409);
        assertThat(backToNew.json().get("detail").asString()).contains("NEW");

        api.patch("/api/v1/tickets/" + id, map("status", "RESOLVED", "resolution", "WORKAROUND"));
        var resolvedToPending =
                api.patch("/api/v1/tickets/" + id, map("status", "PENDING", "pendingReason", "CUSTOMER"));
        assertThat(resolvedToPending.status()).isEqualTo(409);
        assertThat(resolvedToPending.json().get("detail").asString()).contains("reopen");

        api.patch("/api/v1/tickets/" + id, map("status", "CLOSED"));
        var reopenClosed = api.patch("/api/v1/tickets/" + id, map("status", "OPEN"));
        assertThat(reopenClosed.status()).isEqualTo(409);
        assertThat(reopenClosed.json().get("detail").asString()).contains("closed");
        assertThat(api.patch("/api/v1/tickets/" + id, map("priority", "HIGH")).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/tickets/" + id + "/messages", map("body", "late"))
                        .status())
                .isEqualTo(409);
        assertThat(status(api, id)).isEqualTo("CLOSED");
    }

    @Test
    void confirmationClosesAndRejectionReopensIntoTriageWithoutTeamOrOwner() {
        var admin = api(AgentRole.ADMIN);
        var owner = newAgent(AgentRole.AGENT);
        long team = admin.post("/api/v1/teams", map("name", unique("Res"), "memberIds", List.of(owner.id())))
                .json()
                .get("id")
                .asLong();

        long confirmed = open(admin);
        admin.patch(
                "/api/v1/tickets/" + confirmed,
                map("teamId", team, "ownerId", owner.id(), "status", "RESOLVED", "resolution", "WORKAROUND"));
        var closed = admin.post("/api/v1/tickets/" + confirmed + "/resolution", map("outcome", "CONFIRMED"));
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("resolutionOutcome").asString()).isEqualTo("CONFIRMED");

        long rejected = open(admin);
        admin.patch(
                "/api/v1/tickets/" + rejected,
                map("teamId", team, "ownerId", owner.id(), "status", "RESOLVED", "resolution", "WORKAROUND"));
        var reopened = admin.post("/api/v1/tickets/" + rejected + "/resolution", map("outcome", "REJECTED"))
                .json();
        assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.get("resolutionOutcome").asString()).isEqualTo("REJECTED");
        assertThat(reopened.get("teamId").isNull()).isTrue();
        assertThat(reopened.get("ownerId").isNull()).isTrue();
        assertThat(TicketApiIT.ids(admin.get("/api/v1/tickets?teamId=none&status=open&requesterId="
                        + reopened.get("requesterId").asLong())))
                .containsExactly(rejected);

        var notResolved = admin.post("/api/v1/tickets/" + rejected + "/resolution", map("outcome", "CONFIRMED"));
        assertThat(notResolved.status()).isEqualTo(409);
    }

    @Test
    void aTeamWithoutAnOwnerIsValidAndAnOwnerMustBelongToTheTeam() {
        var admin = api(AgentRole.ADMIN);
        var member = newAgent(AgentRole.AGENT);
        var outsider = newAgent(AgentRole.AGENT);
        long team = admin.post("/api/v1/teams", map("name", unique("Own"), "memberIds", List.of(member.id())))
                .json()
                .get("id")
                .asLong();
        long id = open(admin);
        var teamOnly = admin.patch("/api/v1/tickets/" + id, map("teamId", team));
        assertThat(teamOnly.status()).isEqualTo(200);
        assertThat(teamOnly.json().get("ownerId").isNull()).isTrue();
        var wrongOwner = admin.patch("/api/v1/tickets/" + id, map("ownerId", outsider.id()));
        assertThat(wrongOwner.status()).isEqualTo(400);
        assertThat(fields(wrongOwner.json())).containsExactly("ownerId");
        assertThat(admin.patch("/api/v1/tickets/" + id, map("ownerId", member.id()))
                        .json()
                        .get("ownerId")
                        .asLong())
                .isEqualTo(member.id());
        var unassigned =
                admin.patch("/api/v1/tickets/" + id, map("ownerId", null)).json();
        assertThat(unassigned.get("ownerId").isNull()).isTrue();
        assertThat(unassigned.get("teamId").asLong())
                .as("leaving a field out keeps it")
                .isEqualTo(team);
    }

    @Test
    void everyChangeIsInTheAuditTrailWithWhoBeforeAfterAndWhen() {
        var agent = newAgent(AgentRole.AGENT);
        var api = api(agent);
        long id = open(api);
        clock.advance(Duration.ofMinutes(5));
        api.patch("/api/v1/tickets/" + id, map("priority", "HIGH", "subject", "Lifecycle, renamed"));
        var entries = api.get("/api/v1/tickets/" + id + "/audit").json().get("items");

        assertThat(find(entries, "ticket", "created", null)).isNotNull();
        JsonNode message = find(entries, "message", "created", null);
        assertThat(message.get("after").asString())
                .as("a message's entry records its row without the body")
                .contains("\"kind\": \"PUBLIC\"", "\"ticket_id\": " + id)
                .doesNotContain("\"body\"", "Please help");
        assertThat(find(entries, "ticket", "created", null).get("after").asString())
                .contains("\"subject\": \"Lifecycle\"", "\"status\": \"NEW\"")
                .doesNotContain("updated_at");
        JsonNode priority = find(entries, "ticket", "changed", "priority");
        assertThat(priority.get("before").asString()).isEqualTo("NORMAL");
        assertThat(priority.get("after").asString()).isEqualTo("HIGH");
        assertThat(priority.get("actor").asString()).isEqualTo("agent:" + agent.username());
        assertThat(priority.get("at").asString()).isEqualTo(clock.instant().toString());
        JsonNode subject = find(entries, "ticket", "changed", "subject");
        assertThat(subject.get("after").asString()).isEqualTo("Lifecycle, renamed");
        assertThat(find(entries, "ticket", "changed", "updated_at"))
                .as("bookkeeping columns are not audit noise")
                .isNull();
    }

    @Test
    void linksRelateTicketsAndExternalIssuesAndMergingClosesTheDuplicate() {
        var api = api(AgentRole.AGENT);
        long survivor = open(api);
        long duplicate = open(api);
        long related = open(api);

        var relatedLink =
                api.post("/api/v1/tickets/" + survivor + "/links", map("kind", "RELATED", "ticketId", related));
        assertThat(relatedLink.status()).as(relatedLink.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/tickets/" + survivor + "/links", map("kind", "RELATED", "ticketId", related))
                        .status())
                .isEqualTo(409);
        var issue = api.post(
                "/api/v1/tickets/" + survivor + "/links",
                map("kind", "EXTERNAL_ISSUE", "url", "https://github.com/example/hub/issues/42"));
        assertThat(issue.status()).isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/tickets/" + survivor + "/links",
                                map("kind", "EXTERNAL_ISSUE", "url", "javascript:alert(1)"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/tickets/" + survivor + "/links", map("kind", "RELATED", "ticketId", survivor))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/tickets/" + related + "/links")
                        .json()
                        .get("items")
                        .get(0)
                        .get("targetTicketId")
                        .asLong())
                .as("the other side sees the relation")
                .isEqualTo(survivor);

        var merge = api.post(
                "/api/v1/tickets/" + duplicate + "/links",
                map("kind", "DUPLICATE_OF", "ticketId", survivor, "merge", true));
        assertThat(merge.status()).as(merge.body()).isEqualTo(201);
        var closed = api.get("/api/v1/tickets/" + duplicate).json();
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("resolution").asString()).isEqualTo("DUPLICATE");
        var notes = api.get("/api/v1/tickets/" + survivor + "/messages").json().get("items");
        long number = closed.get("number").asLong();
        boolean carried = false;
        for (JsonNode m : notes) {
            carried |= m.get("kind").asString().equals("NOTE")
                    && m.get("body").asString().startsWith("Merged from #" + number)
                    && m.get("body").asString().contains("Please help");
        }
        assertThat(carried).isTrue();
        assertThat(api.get("/api/v1/tickets/" + duplicate + "/messages").json().get("items"))
                .hasSize(2);
    }

    @Test
    void timeIsRecordedByHandAndByTimer() {
        var api = api(AgentRole.AGENT);
        long id = open(api);
        var entry = api.post(
                "/api/v1/tickets/" + id + "/time-entries", map("minutes", 25, "billable", false, "note", "reproduced"));
        assertThat(entry.status()).isEqualTo(201);
        assertThat(entry.json().get("billable").asBoolean()).isFalse();
        assertThat(api.post("/api/v1/tickets/" + id + "/time-entries", map("minutes", 0))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/tickets/" + id + "/time-entries",
                                map("minutes", 5, "workedAt", "2099-01-01T00:00:00Z"))
                        .status())
                .isEqualTo(400);

        assertThat(api.post("/api/v1/tickets/" + id + "/timer/start", map()).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/tickets/" + id + "/timer/start", map()).status())
                .isEqualTo(409);
        clock.advance(Duration.ofMinutes(12).plusSeconds(10));
        var stopped = api.post("/api/v1/tickets/" + id + "/timer/stop", map());
        assertThat(stopped.status()).isEqualTo(201);
        assertThat(stopped.json().get("minutes").asInt()).isEqualTo(13);
        assertThat(api.post("/api/v1/tickets/" + id + "/timer/stop", map()).status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/tickets/" + id + "/time-entries")
                        .json()
                        .get("totalMinutes")
                        .asInt())
                .isEqualTo(38);
    }

    @Test
    void attachmentsAreTypedByTheirBytesAndServedSafely() {
        var api = api(AgentRole.AGENT);
        long id = open(api);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        var image = api.postMultipart("/api/v1/tickets/" + id + "/attachments", "file", "../../screen.png", png);
        assertThat(image.status()).as(image.body()).isEqualTo(201);
        assertThat(image.json().get("contentType").asString()).isEqualTo("image/png");
        assertThat(image.json().get("filename").asString()).isEqualTo("screen.png");
        var html = api.postMultipart(
                "/api/v1/tickets/" + id + "/attachments",
                "file",
                "cat.png",
                "<html><script>alert(1)</script></html>".getBytes());
        assertThat(html.json().get("contentType").asString()).isEqualTo("text/html");

        var download = api.get("/api/v1/attachments/" + html.json().get("id").asLong());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Security-Policy")).contains("sandbox");
        var inline = api.get("/api/v1/attachments/" + image.json().get("id").asLong());
        assertThat(inline.header("Content-Disposition")).startsWith("inline");
        assertThat(inline.raw().body()).isEqualTo(png);
    }

    @Test
    void cannedResponsesShipTheSeedTemplatesAndFillPlaceholders() {
        var api = api(AgentRole.AGENT);
        var names = new ArrayList<String>();
        api.get("/api/v1/canned-responses")
                .json()
                .get("items")
                .forEach(c -> names.add(c.get("name").asString()));
        assertThat(names)
                .contains(
                        "Not an outage: into planning",
                        "Representative approval request",
                        "Workshop request acknowledged",
                        "Confirm resolution");
        assertThat(CannedResponseService.render(
                        "Hello {{requester.name}}, about #{{ticket.number}} {{unknown.thing}}",
                        java.util.Map.of("requester.name", "Ada", "ticket.number", "1042")))
                .isEqualTo("Hello Ada, about #1042 {{unknown.thing}}");
        var created =
                api.post("/api/v1/canned-responses", map("name", unique("Canned"), "body", "Hi {{requester.name}}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/canned-responses",
                                map("name", created.json().get("name").asString(), "body", "x"))
                        .status())
                .isEqualTo(409);
    }

    private static JsonNode find(JsonNode entries, String entity, String action, String field) {
        for (JsonNode e : entries) {
            if (e.get("entity").asString().equals(entity)
                    && e.get("action").asString().equals(action)
                    && (field == null
                            ? e.get("field").isNull()
                            : field.equals(e.get("field").asString()))) {
                return e;
            }
        }
        return null;
    }
}

package org.firstline.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A desk that has no mailbox yet: a public reply is kept and the agent is told it has not left; it is mailed, with
 * its files, once an admin adds a mailbox. Its own class, so that its database starts with no mailbox.
 */
class ReplyWithoutMailboxIT extends ApiTest {
    static TestMailServer mail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmailAdministration administration;

    @BeforeAll
    static void startMailServer() {
        mail = new TestMailServer("desk@firstline.test");
    }

    @org.junit.jupiter.api.BeforeEach
    void noMailboxCanSend() {
        // other test classes share this database and leave mailboxes whose mail servers are gone: this desk has none
        jdbc.sql("update mailbox set enabled = false").update();
    }

    private String status(long ticketId) {
        return jdbc.sql("select status || ' ' || coalesce(last_error, '') from outbound_email where ticket_id = ?")
                .param(ticketId)
                .query(String.class)
                .single();
    }

    @AfterAll
    static void stopMailServer() {
        mail.close();
    }

    @Test
    void aReplyWithNoMailboxIsQueuedWithItsFileSaidToBeUnsentAndMailedOnceAMailboxIsAdded() throws Exception {
        var agent = newAgent(AgentRole.AGENT);
        String customer = unique("rita") + "@customer.test";
        var opened = api(agent)
                .post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Export fails",
                                "body",
                                "The export page fails.",
                                "requester",
                                Map.of("email", customer, "name", "Rita")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long id = opened.json().get("id").asLong();
        long number = opened.json().get("number").asLong();
        var browser = signedIn(agent);
        String csrf = ApiClient.csrfToken(
                browser.get("/tickets/" + number, "text/html").body());

        var reply = browser.postMultipart(
                "/tickets/" + number + "/messages?kind=PUBLIC&_csrf=" + csrf + "&body="
                        + URLEncoder.encode("Please run the attached script.", StandardCharsets.UTF_8),
                "files",
                "collect.sh",
                "#!/bin/sh\necho logs\n".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.body()).isEqualTo(302);
        var page = org.jsoup.Jsoup.parse(
                browser.get("/tickets/" + number, "text/html").body());
        assertThat(page.select(".flash").text())
                .contains("Reply saved")
                .contains("no mailbox")
                .doesNotContain("Reply sent");
        assertThat(page.select(".message .unsent").text())
                .contains("Not sent yet")
                .contains("no mailbox");

        // queued with its file, whenever the sender runs; nothing leaves while there is no mailbox
        var queued = jdbc.sql(
                        "select status, mailbox_id, cardinality(attachment_ids) from outbound_email where ticket_id = ?")
                .param(id)
                .query((rs, n) -> List.of(rs.getString(1), String.valueOf(rs.getObject(2)), rs.getInt(3)))
                .single();
        assertThat(queued).containsExactly("QUEUED", "null", 1);
        administration.sendOutbox();
        assertThat(status(id)).startsWith("QUEUED");
        assertThat(mail.sentTo(customer)).isEmpty();

        long mailboxId = mail.mailbox(api(AgentRole.ADMIN), "Desk");
        // the outbox is shared with other test classes: only this ticket's mail is asserted
        administration.sendOutbox();
        assertThat(status(id)).startsWith("SENT");
        var sent = mail.sentTo(customer);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getFrom()[0].toString()).contains("desk@firstline.test");
        assertThat(EmailChannelIT.body(sent.get(0))).contains("Please run the attached script.");
        var parts = (Multipart) sent.get(0).getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("collect.sh");
        assertThat(jdbc.sql("select mailbox_id from outbound_email where ticket_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(mailboxId);
        var after = org.jsoup.Jsoup.parse(
                browser.get("/tickets/" + number, "text/html").body());
        assertThat(after.select(".message .unsent")).isEmpty();
    }
}

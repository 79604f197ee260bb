package org.firstline.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.firstline.email.EmailAdministration;
import org.firstline.incident.internal.NoticeQueue;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.firstline.support.Mails;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A public update reaches the requester once, in the thread of their newest linked ticket, and their reply lands there. */
class IncidentMailIT extends ApiTest {
    static TestMailServer mail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmailAdministration administration;

    @Autowired
    NoticeQueue queue;

    @BeforeAll
    static void startMailServer() {
        mail = new TestMailServer("incidents@firstline.test");
    }

    @AfterAll
    static void stopMailServer() {
        mail.close();
    }

    @Test
    void theUpdateGoesOnceInTheNewestTicketsThreadAndAReplyLandsOnIt() throws Exception {
        ApiClient admin = api(AgentRole.ADMIN);
        long mailboxId = mail.mailbox(admin, "Incident Desk");
        String customer = unique("ola") + "@customer.test";
        String olderId = Mails.newId();
        String newerId = Mails.newId();
        long older = file(mailboxId, customer, "Upload broken", olderId);
        clock.advance(java.time.Duration.ofMinutes(5));
        long newer = file(mailboxId, customer, "Still cannot upload", newerId);
        administration.sendOutbox();

        var agent = api(AgentRole.AGENT);
        String title = unique("Uploads fail");
        long id = agent.post("/api/v1/incidents", map("title", title, "fromTicketId", older))
                .json()
                .get("id")
                .asLong();
        agent.post("/api/v1/incidents/" + id + "/tickets", map("ticketIds", List.of(newer)));
        assertThat(agent.post("/api/v1/incidents/" + id + "/updates", map("body", "Uploads are failing; we are on it."))
                        .json()
                        .get("notices")
                        .asInt())
                .isEqualTo(1);
        queue.drain();
        administration.sendOutbox();

        List<MimeMessage> updates = mail.sentTo(customer).stream()
                .filter(m -> subject(m).contains(title))
                .toList();
        assertThat(updates).hasSize(1);
        MimeMessage update = updates.getFirst();
        long newerNumber =
                agent.get("/api/v1/tickets/" + newer).json().get("number").asLong();
        assertThat(update.getSubject()).startsWith("[#" + newerNumber + "] [Investigating] ");
        assertThat(update.getHeader("In-Reply-To")[0]).isEqualTo("<" + newerId + ">");
        assertThat(update.getHeader("References")[0]).contains("<" + newerId + ">");
        assertThat(Mails.text(update)).contains("Uploads are failing; we are on it.", "#" + newerNumber);

        String replyId = Mails.newId();
        mail.deliver("From: <" + customer + ">\r\nTo: incidents@firstline.test\r\nSubject: Re: " + update.getSubject()
                + "\r\nMessage-ID: <" + replyId + ">\r\nIn-Reply-To: " + update.getMessageID()
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nStill broken here.\r\n");
        administration.poll(mailboxId);
        assertThat(jdbc.sql("select ticket_id from inbound_email where message_id = ?")
                        .param(replyId)
                        .query(Long.class)
                        .single())
                .isEqualTo(newer);
    }

    private long file(long mailboxId, String from, String subject, String messageId) {
        mail.deliver("From: <" + from + ">\r\nTo: incidents@firstline.test\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + messageId
                + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nIt does not work.\r\n");
        administration.poll(mailboxId);
        return jdbc.sql("select ticket_id from inbound_email where message_id = ?")
                .param(messageId)
                .query(Long.class)
                .single();
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

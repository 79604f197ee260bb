package org.firstline.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.firstline.email.internal.InboundMailFiler;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.firstline.support.Mails;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Mail in and out through real IMAP and SMTP servers: filing, threading, loops, bounces, approval. */
@TestPropertySource(properties = {"firstline.attachment-max-bytes=100000", "firstline.public-url=http://desk.test"})
class EmailChannelIT extends ApiTest {
    static TestMailServer mail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmailAdministration administration;

    @Autowired
    org.firstline.directory.TeamService teams;

    ApiClient admin;
    long mailboxId;

    @BeforeAll
    static void startMailServer() {
        mail = new TestMailServer("help@firstline.test");
    }

    @AfterAll
    static void stopMailServer() {
        mail.close();
    }

    @BeforeEach
    void mailbox() {
        admin = api(AgentRole.ADMIN);
        mailboxId = mail.mailbox(admin, "Firstline Support");
    }

    @Test
    void mailboxPasswordIsEncryptedAtRestAndNeverShown() {
        var shown = admin.get("/api/v1/mailboxes/" + mailboxId);
        assertThat(shown.body()).doesNotContain(TestMailServer.SUPPORT_PASSWORD).contains("\"imapPasswordSet\":true");
        String stored = jdbc.sql("select imap_password from mailbox where id = ?")
                .param(mailboxId)
                .query(String.class)
                .single();
        assertThat(stored).startsWith("v1:").doesNotContain(TestMailServer.SUPPORT_PASSWORD);
        assertThat(api(AgentRole.AGENT).get("/api/v1/mailboxes").status()).isEqualTo(403);
    }

    @Test
    void newMailBecomesTicketAcknowledgedOnceAndEveryThreadingRuleFindsIt() throws Exception {
        String customer = "ada-" + unique("c") + "@customer.test";
        String firstId = Mails.newId();
        mail.deliver(message(
                customer, "Ada Lovelace", "Build agents stuck", firstId, null, null, "Our agents hang at step 3."));
        assertThat(poll()).isEqualTo(1);
        var ticket = ticketFiledFrom(firstId);
        assertThat(ticket.get("subject")).isEqualTo("Build agents stuck");
        assertThat(ticket.get("channel")).isEqualTo("EMAIL");
        assertThat(mail.unseenInSupportInbox()).isZero();

        administration.sendOutbox();
        MimeMessage ack = only(mail.sentTo(customer));
        assertThat(ack.getSubject()).isEqualTo("[#" + ticket.get("number") + "] Build agents stuck");
        assertThat(ack.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        assertThat(ack.getHeader("In-Reply-To")[0]).isEqualTo("<" + firstId + ">");
        assertThat(body(ack)).contains("#" + ticket.get("number")).doesNotContainIgnoringCase("outage");
        String ackId = ack.getMessageID();

        // rule 1: In-Reply-To names a message Firstline sent
        String replyId = Mails.newId();
        mail.deliver(
                message(
                        customer,
                        "Ada Lovelace",
                        "Re: [#" + ticket.get("number") + "] Build agents stuck",
                        replyId,
                        ackId,
                        ackId,
                        "Forgot: it is only on Linux.\n\nOn Mon, 23 Nov 2026, Firstline Support wrote:\n> We have your request"));
        poll();
        assertThat(filed(replyId)).isEqualTo("REPLY:" + ticket.get("id"));

        // an agent answers: the mail carries the thread's headers and goes to requester and cc
        var agent = api(AgentRole.AGENT);
        assertThat(agent.patch("/api/v1/tickets/" + ticket.get("id"), Map.of("cc", List.of("boss@customer.test")))
                        .status())
                .isEqualTo(200);
        var posted = agent.post(
                "/api/v1/tickets/" + ticket.get("id") + "/messages", Map.of("body", "Please send the agent log."));
        assertThat(posted.status()).isEqualTo(201);
        assertThat(agent.postMultipart(
                                "/api/v1/tickets/" + ticket.get("id") + "/attachments?messageId="
                                        + posted.json().get("id").asLong(),
                                "file",
                                "collect-logs.sh",
                                "#!/bin/sh\ntar czf logs.tgz /var/log/agent\n".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(201);
        administration.sendOutbox();
        MimeMessage answer = mail.sentTo(customer).stream()
                .filter(m -> !hasHeader(m, "Auto-Submitted"))
                .findFirst()
                .orElseThrow();
        assertThat(answer.getSubject()).isEqualTo("[#" + ticket.get("number") + "] Re: Build agents stuck");
        assertThat(answer.getHeader("In-Reply-To")[0]).isEqualTo("<" + replyId + ">");
        assertThat(answer.getHeader("References")[0]).contains("<" + firstId + ">", ackId, "<" + replyId + ">");
        assertThat(answer.getHeader("Cc")[0]).contains("boss@customer.test");
        assertThat(body(answer)).contains("Please send the agent log.");
        var files = (jakarta.mail.Multipart) answer.getContent();
        assertThat(files.getCount()).isEqualTo(2);
        assertThat(files.getBodyPart(1).getFileName()).isEqualTo("collect-logs.sh");

        // rule 2: only References (a client that drops In-Reply-To)
        String viaReferences = Mails.newId();
        mail.deliver(message(
                customer,
                "Ada",
                "Re: the log",
                viaReferences,
                null,
                "<other@x.test> " + answer.getMessageID(),
                "Log attached soon."));
        // rule 3: only the ticket number in the subject
        String viaToken = Mails.newId();
        mail.deliver(message(
                customer,
                "Ada",
                "Another thing [#" + ticket.get("number") + "]",
                viaToken,
                null,
                null,
                "And one more."));
        // a stranger who knows the number does not get into the ticket
        String stranger = Mails.newId();
        mail.deliver(message(
                "mallory@elsewhere.test",
                "Mallory",
                "Re: [#" + ticket.get("number") + "] hello",
                stranger,
                null,
                null,
                "hi"));
        poll();
        assertThat(filed(viaReferences)).isEqualTo("REPLY:" + ticket.get("id"));
        assertThat(filed(viaToken)).isEqualTo("REPLY:" + ticket.get("id"));
        assertThat(filed(stranger)).startsWith("TICKET:").isNotEqualTo("TICKET:" + ticket.get("id"));

        // replies are never acknowledged: one acknowledgement for the ticket
        administration.sendOutbox();
        assertThat(mail.sentTo(customer).stream()
                        .filter(m -> hasHeader(m, "Auto-Submitted"))
                        .count())
                .isEqualTo(1);
        assertThat(agent.get("/api/v1/tickets/" + ticket.get("id") + "/messages")
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(5);
    }

    @Test
    void anOwnerIsAnnouncedToTheRequesterAndACriticalTicketAlertsItsOwner() throws Exception {
        String customer = "bea-" + unique("c") + "@customer.test";
        String id = Mails.newId();
        mail.deliver(message(
                customer, "Bea Customer", "Nightly export missing", id, null, null, "No export file since Tuesday."));
        poll();
        var ticket = ticketFiledFrom(id);
        var owner = newAgent(AgentRole.AGENT);
        long teamId = teams.create(new org.firstline.directory.TeamForm(unique("Data"), "", List.of(owner.id())))
                .id();
        var triager = api(AgentRole.AGENT);
        var assigned = triager.patch(
                "/api/v1/tickets/" + ticket.get("id"),
                Map.of("priority", "HIGH", "impact", "MAJOR", "teamId", teamId, "ownerId", owner.id()));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        administration.sendOutbox();
        MimeMessage told = mail.sentTo(customer).stream()
                .filter(m -> body(m).contains("has your request #"))
                .collect(java.util.stream.Collectors.collectingAndThen(
                        java.util.stream.Collectors.toList(), EmailChannelIT::only));
        assertThat(told.getSubject()).isEqualTo("[#" + ticket.get("number") + "] Nightly export missing");
        assertThat(body(told)).contains(owner.displayName()).contains("Data");
        MimeMessage alert = only(mail.sentTo(owner.email()));
        assertThat(alert.getSubject()).isEqualTo("HIGH ticket for you: Nightly export missing");
        assertThat(body(alert)).contains("http://desk.test/tickets/" + ticket.get("number"));
        // a second owner change to the same person sends nothing more; taking a ticket yourself raises no alert
        var self = api(owner);
        String other = Mails.newId();
        mail.deliver(message(customer, "Bea Customer", "Second problem", other, null, null, "Also the import."));
        poll();
        var second = ticketFiledFrom(other);
        self.patch(
                "/api/v1/tickets/" + second.get("id"),
                Map.of("priority", "CRITICAL", "teamId", teamId, "ownerId", owner.id()));
        administration.sendOutbox();
        assertThat(mail.sentTo(owner.email())).hasSize(1);
    }

    @Test
    void aMessageReadTwiceIsFiledOnceAlsoWithoutMessageIdAndAfterTheServerRenumbers() throws Exception {
        String customer = unique("twice") + "@customer.test";
        String id = Mails.newId();
        String withId = message(customer, null, "Once only", id, null, null, "Same message twice.");
        String withoutId = "From: " + customer + "\r\nTo: help@firstline.test\r\nSubject: No id " + unique("s")
                + "\r\nContent-Type: text/plain\r\n\r\nA message without Message-ID.\r\n";
        // filed, then the process died before telling the server: the message is still unread
        assertThat(administration
                        .file(mailboxId, withId.getBytes(StandardCharsets.UTF_8))
                        .outcome())
                .isEqualTo(InboundMailFiler.Outcome.TICKET);
        mail.deliver(withId);
        mail.deliver(withoutId);
        mail.deliver(withoutId);
        assertThat(poll()).isEqualTo(3);
        assertThat(countTickets(customer)).isEqualTo(2);
        assertThat(mail.unseenInSupportInbox()).isZero();

        // the server is rebuilt with a new UIDVALIDITY and serves the same messages again, unread
        long before = jdbc.sql("select uid_validity from mailbox where id = ?")
                .param(mailboxId)
                .query(Long.class)
                .single();
        mail.recreateSupportInbox();
        mail.deliver(withId);
        mail.deliver(withoutId);
        assertThat(poll()).isEqualTo(2);
        assertThat(jdbc.sql("select uid_validity from mailbox where id = ?")
                        .param(mailboxId)
                        .query(Long.class)
                        .single())
                .isNotEqualTo(before);
        assertThat(countTickets(customer)).isEqualTo(2);
    }

    @Test
    void processedMailCanBeMovedToAnotherFolderInsteadOfFlagged() throws Exception {
        try (TestMailServer other = new TestMailServer("moved@firstline.test")) {
            var created = admin.post(
                    "/api/v1/mailboxes",
                    Map.ofEntries(
                            Map.entry("name", "Moved"),
                            Map.entry("address", other.supportAddress),
                            Map.entry("imapHost", "127.0.0.1"),
                            Map.entry("imapPort", other.imapPort()),
                            Map.entry("imapSecurity", "NONE"),
                            Map.entry("imapUsername", TestMailServer.SUPPORT_LOGIN),
                            Map.entry("imapPassword", TestMailServer.SUPPORT_PASSWORD),
                            Map.entry("processedAction", "MOVE"),
                            Map.entry("processedFolder", "Filed")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long moved = created.json().get("id").asLong();
            String sender = unique("mover");
            // more than two batches, so that later batches are read after earlier ones were moved away
            for (int i = 0; i < 520; i++) {
                other.deliver(
                        message(sender + i + "@customer.test", null, "Moved " + i, Mails.newId(), null, null, "n" + i));
            }
            assertThat(administration.poll(moved)).isEqualTo(520);
            assertThat(other.messagesInSupportInbox()).isZero();
            assertThat(jdbc.sql("select count(*) from inbound_email where mailbox_id = ? and outcome = 'TICKET'")
                            .param(moved)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(520);
            assertThat(administration.poll(moved)).isZero();
            admin.patch("/api/v1/mailboxes/" + moved, Map.of("enabled", false));
        }
    }

    @Test
    void htmlOnlyMailIsSanitizedAndReadableAsText() {
        String id = Mails.newId();
        String html = "<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
                + "<p>The <b>deploy</b> fails:</p><ul><li>step one</li><li>step two</li></ul>"
                + "<p><a href=\"https://status.example.com/x\">status page</a><img src=x onerror=alert(2)></p>"
                + "<blockquote>older text</blockquote></body></html>";
        mail.deliver("From: html@customer.test\r\nTo: help@firstline.test\r\nSubject: HTML only\r\nMessage-ID: <" + id
                + ">\r\n" + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n");
        poll();
        long ticketId = Long.parseLong(filed(id).substring("TICKET:".length()));
        String body = firstBody(ticketId);
        assertThat(body)
                .contains(
                        "The deploy fails:",
                        "- step one\n- step two",
                        "status page (https://status.example.com/x)",
                        "> older text")
                .doesNotContain("<", "alert", "color:red");
        String stored = jdbc.sql("select html from inbound_email where message_id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(stored).contains("<b>deploy</b>").doesNotContain("script", "onerror", "alert");
    }

    @Test
    void encodedWordSubjectsAndBodiesInTheirCharsets() throws Exception {
        String latin = Mails.newId();
        mail.deliver(("From: =?ISO-8859-1?Q?Ren=E9e_M=FCller?= <renee@customer.test>\r\nTo: help@firstline.test\r\n"
                        + "Subject: =?ISO-8859-1?Q?Caf=E9_cr=E8me_=E0_la_carte?=\r\nMessage-ID: <" + latin
                        + ">\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nGr=FC=DFe aus K=F6ln\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        String utf8 = Mails.newId();
        String subject = "デプロイ失敗 🚀 Ünïcödé";
        mail.deliver("From: kenji@customer.test\r\nTo: help@firstline.test\r\nSubject: =?UTF-8?B?"
                + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=\r\nMessage-ID: <"
                + utf8 + ">\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString("本番環境で失敗しました。".getBytes(StandardCharsets.UTF_8)) + "\r\n");
        poll();
        var agent = api(AgentRole.AGENT);
        var first = agent.get("/api/v1/tickets/" + filed(latin).substring(7)).json();
        assertThat(first.get("subject").asString()).isEqualTo("Café crème à la carte");
        assertThat(firstBody(first.get("id").asLong())).isEqualTo("Grüße aus Köln");
        var requester = agent.get("/api/v1/contacts/" + first.get("requesterId").asLong())
                .json();
        assertThat(requester.get("name").asString()).isEqualTo("Renée Müller");
        var second = agent.get("/api/v1/tickets/" + filed(utf8).substring(7)).json();
        assertThat(second.get("subject").asString()).isEqualTo(subject);
        assertThat(firstBody(second.get("id").asLong())).isEqualTo("本番環境で失敗しました。");
    }

    @Test
    void attachmentsInlineImagesAndAnOversizeAttachment() {
        String id = Mails.newId();
        String png = Base64.getMimeEncoder()
                .encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        String big = Base64.getMimeEncoder().encodeToString(new byte[150_000]);
        mail.deliver(
                "From: files@customer.test\r\nTo: help@firstline.test\r\nSubject: Logs\r\nMessage-ID: <" + id + ">\r\n"
                        + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
                        + "--outer\r\nContent-Type: multipart/related; boundary=\"rel\"\r\n\r\n"
                        + "--rel\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
                        + "--alt\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nSee the screenshot and the log.\r\n"
                        + "--alt\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>See the <img src=\"cid:shot@x\"> and the log.</p>\r\n--alt--\r\n"
                        + "--rel\r\nContent-Type: image/png\r\nContent-ID: <shot@x>\r\nContent-Transfer-Encoding: base64\r\n"
                        + "Content-Disposition: inline; filename=\"screen.png\"\r\n\r\n" + png + "\r\n--rel--\r\n"
                        + "--outer\r\nContent-Type: text/plain; name=\"agent.log\"\r\nContent-Disposition: attachment; filename=\"agent.log\"\r\n\r\n"
                        + "line 1\r\nline 2\r\n"
                        + "--outer\r\nContent-Type: application/zip\r\nContent-Transfer-Encoding: base64\r\n"
                        + "Content-Disposition: attachment; filename=\"=?UTF-8?Q?d=C3=BCmp.zip?=\"\r\n\r\n" + big
                        + "\r\n--outer--\r\n");
        poll();
        long ticketId = Long.parseLong(filed(id).substring(7));
        var agent = api(AgentRole.AGENT);
        var attachments =
                agent.get("/api/v1/tickets/" + ticketId + "/attachments").json().get("items");
        assertThat(attachments.findValuesAsString("filename")).containsExactlyInAnyOrder("screen.png", "agent.log");
        var messages =
                agent.get("/api/v1/tickets/" + ticketId + "/messages").json().get("items");
        assertThat(messages.get(0).get("body").asString()).isEqualTo("See the screenshot and the log.");
        assertThat(messages.get(1).get("kind").asString()).isEqualTo("NOTE");
        assertThat(messages.get(1).get("body").asString()).contains("dümp.zip", "150000 bytes", "was not stored");
    }

    @Test
    void autoRepliesAreFiledButNeverAnsweredAndOwnMailIsNotFiled() {
        String autoId = Mails.newId();
        String customer = unique("away") + "@customer.test";
        mail.deliver(message(
                customer, null, "Out of office", autoId, null, null, "I am away.", "Auto-Submitted: auto-replied\r\n"));
        String bulkId = Mails.newId();
        mail.deliver(message(customer, null, "Newsletter", bulkId, null, null, "News.", "Precedence: bulk\r\n"));
        String ownId = Mails.newId();
        mail.deliver(message(mail.supportAddress, null, "[#1] Re: loop", ownId, null, null, "our own mail came back"));
        poll();
        administration.sendOutbox();
        assertThat(filed(autoId)).startsWith("TICKET:");
        assertThat(filed(bulkId)).startsWith("TICKET:");
        assertThat(mail.sentTo(customer)).isEmpty();
        assertThat(filed(ownId)).isEqualTo("QUARANTINED");
        assertThat(quarantineReason(ownId)).contains("own address");
    }

    @Test
    void aSenderKnownOnlyFromTheEnvelopeGetsATicketButNoAcknowledgement() {
        String customer = unique("envelope") + "@customer.test";
        String id = Mails.newId();
        mail.deliver("Return-Path: <" + customer
                + ">\r\nFrom: Ada Lovelace (her mailer lost the address)\r\nTo: help@firstline.test\r\n"
                + "Subject: Agents hang\r\nMessage-ID: <" + id + ">\r\n\r\nOur build agents hang at step 3.\r\n");
        String nullPathId = Mails.newId();
        mail.deliver(
                "Return-Path: <>\r\nFrom: Delivery System\r\nTo: help@firstline.test\r\nSubject: Returned\r\nMessage-ID: <"
                        + nullPathId + ">\r\n\r\nreturned\r\n");
        String daemonId = Mails.newId();
        mail.deliver(
                "Return-Path: <MAILER-DAEMON@mx.customer.test>\r\nFrom: Delivery System\r\nTo: help@firstline.test\r\n"
                        + "Subject: Returned\r\nMessage-ID: <" + daemonId + ">\r\n\r\nreturned\r\n");
        poll();
        administration.sendOutbox();
        assertThat(filed(id)).startsWith("TICKET:");
        assertThat(countTickets(customer)).isEqualTo(1);
        assertThat(firstBody(Long.parseLong(filed(id).substring(7)))).isEqualTo("Our build agents hang at step 3.");
        assertThat(mail.sentTo(customer)).isEmpty();
        assertThat(filed(nullPathId)).isEqualTo("QUARANTINED");
        assertThat(quarantineReason(nullPathId)).contains("no sender");
        assertThat(filed(daemonId)).isEqualTo("QUARANTINED");
        assertThat(quarantineReason(daemonId)).contains("no sender");
    }

    @Test
    void aMailStormFromOneSenderIsHeldInQuarantine() {
        String sender = unique("storm") + "@customer.test";
        for (int i = 0; i < 35; i++) {
            mail.deliver(message(sender, null, "Alert " + i, Mails.newId(), null, null, "again"));
        }
        poll();
        // at most 30 an hour are filed; the rest wait in quarantine, where an admin can still file them
        assertThat(countTickets(sender)).isEqualTo(30);
        assertThat(jdbc.sql(
                                "select count(*) from inbound_email where sender = ? and outcome = 'QUARANTINED' and reason like '%mail storm%'")
                        .param(sender)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void aBounceLandsOnTheTicketAsDeliveryFailure() throws Exception {
        String customer = unique("gone") + "@customer.test";
        String id = Mails.newId();
        mail.deliver(message(customer, null, "Please help", id, null, null, "help"));
        poll();
        long ticketId = Long.parseLong(filed(id).substring(7));
        administration.sendOutbox();
        String ackId = only(mail.sentTo(customer)).getMessageID();
        String bounceId = Mails.newId();
        mail.deliver(
                "From: MAILER-DAEMON@mx.customer.test\r\nTo: help@firstline.test\r\nSubject: Undelivered Mail Returned to Sender\r\n"
                        + "Message-ID: <" + bounceId + ">\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
                        + "--b\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                        + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.customer.test\r\n\r\n"
                        + "Final-Recipient: rfc822; " + customer + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                        + "Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n"
                        + "--b\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: " + ackId
                        + "\r\nSubject: whatever\r\n--b--\r\n");
        poll();
        assertThat(filed(bounceId)).isEqualTo("BOUNCE:" + ticketId);
        var messages = api(AgentRole.AGENT)
                .get("/api/v1/tickets/" + ticketId + "/messages")
                .json()
                .get("items");
        var last = messages.get(messages.size() - 1);
        assertThat(last.get("kind").asString()).isEqualTo("NOTE");
        assertThat(last.get("body").asString()).contains("Delivery failure", customer, "5.1.1", "user unknown");
        assertThat(last.get("attachments").findValuesAsString("filename")).containsExactly("delivery-report.eml");
    }

    @Test
    void aFailingSmtpServerIsRetriedWithBackOffAndShownOnTheTicket() {
        var broken = admin.post(
                "/api/v1/mailboxes",
                Map.ofEntries(
                        Map.entry("name", unique("Broken")),
                        Map.entry("address", unique("broken") + "@firstline.test"),
                        Map.entry("imapHost", "127.0.0.1"),
                        Map.entry("imapPort", mail.imapPort()),
                        Map.entry("imapSecurity", "NONE"),
                        Map.entry("imapUsername", "nobody"),
                        Map.entry("imapPassword", "x"),
                        Map.entry("smtpHost", "127.0.0.1"),
                        Map.entry("smtpPort", 1),
                        Map.entry("smtpSecurity", "NONE"),
                        Map.entry("enabled", false)));
        long brokenId = broken.json().get("id").asLong();
        String customer = unique("retry") + "@customer.test";
        var filed = administration.file(
                brokenId,
                message(customer, null, "Retry me", Mails.newId(), null, null, "x")
                        .getBytes(StandardCharsets.UTF_8));
        administration.sendOutbox();
        var row = jdbc.sql("select status, attempts, next_attempt_at from outbound_email where ticket_id = ?")
                .param(filed.ticketId())
                .query((rs, n) -> List.of(
                        rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()))
                .single();
        assertThat(row.get(0)).isEqualTo("QUEUED");
        assertThat(row.get(1)).isEqualTo(1);
        assertThat((java.time.Instant) row.get(2)).isEqualTo(clock.instant().plusSeconds(60));
        for (int attempt = 2; attempt <= 8; attempt++) {
            clock.advance(java.time.Duration.ofHours(1));
            administration.sendOutbox();
        }
        assertThat(jdbc.sql("select status from outbound_email where ticket_id = ?")
                        .param(filed.ticketId())
                        .query(String.class)
                        .single())
                .isEqualTo("FAILED");
        var notes = api(AgentRole.AGENT)
                .get("/api/v1/tickets/" + filed.ticketId() + "/messages")
                .json()
                .get("items")
                .findValuesAsString("body");
        assertThat(notes).anyMatch(b -> b.contains("could not be sent yet")).anyMatch(b -> b.contains("given up"));
        var metrics = admin.get("/actuator/prometheus", "text/plain");
        assertThat(metrics.body()).contains("firstline_email_outbound_total{result=\"given_up\"}");
    }

    @Test
    void representativesApproveByLinkAndRejectByReply() throws Exception {
        String domain = unique("uni") + ".edu";
        var org = admin.post(
                        "/api/v1/organizations",
                        Map.of("name", unique("University"), "domains", List.of(domain), "representativesOnly", true))
                .json();
        String rep = "rep@" + domain;
        assertThat(admin.post(
                                "/api/v1/contacts",
                                Map.of(
                                        "name",
                                        "Rita Rep",
                                        "emails",
                                        List.of(rep),
                                        "organizations",
                                        List.of(Map.of(
                                                "organizationId", org.get("id").asLong(), "representative", true))))
                        .status())
                .isEqualTo(201);
        String student = "student@" + domain;

        String first = Mails.newId();
        mail.deliver(message(
                student, "Sam Student", "Please install a package", first, null, null, "I need numpy 2 on the hub."));
        poll();
        long held = Long.parseLong(filed(first).substring("HELD:".length()));
        var agent = api(AgentRole.AGENT);
        var ticket = agent.get("/api/v1/tickets/" + held).json();
        assertThat(ticket.get("status").asString()).isEqualTo("PENDING");
        assertThat(ticket.get("pendingReason").asString()).isEqualTo("REPRESENTATIVE_APPROVAL");
        assertThat(ticket.get("organizationId").asLong())
                .isEqualTo(org.get("id").asLong());
        var heldList = agent.get("/api/v1/tickets?status=PENDING&pendingReason=REPRESENTATIVE_APPROVAL")
                .json()
                .get("items");
        assertThat(heldList.findValuesAsString("id")).contains(String.valueOf(held));

        administration.sendOutbox();
        MimeMessage request = only(mail.sentTo(rep));
        String text = body(request);
        assertThat(text).contains("cc'ing you on this support ticket", "I need numpy 2 on the hub.", "Sam Student");
        var link = Pattern.compile("http://desk\\.test(/approvals/[A-Za-z0-9_-]+)\\?decision=approve")
                .matcher(text);
        assertThat(link.find()).isTrue();

        // opening the link changes nothing (mail scanners open links); the button does
        var browser = ApiClient.anonymous(port).withCookies();
        var page = browser.get(link.group(1), "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Please install a package");
        assertThat(agent.get("/api/v1/tickets/" + held).json().get("status").asString())
                .isEqualTo("PENDING");
        String csrf = ApiClient.csrfToken(page.body());
        var decided = browser.postForm(link.group(1), Map.of("decision", "approve", "_csrf", csrf));
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body()).contains("Approved");
        var approved = agent.get("/api/v1/tickets/" + held).json();
        assertThat(approved.get("status").asString()).isEqualTo("OPEN");
        assertThat(approved.get("teamId").isNull()).isTrue();

        // a second request, rejected by replying to the approval mail
        String second = Mails.newId();
        mail.deliver(message(student, "Sam Student", "Give me root", second, null, null, "Please make me admin."));
        poll();
        long rejectedId = Long.parseLong(filed(second).substring("HELD:".length()));
        administration.sendOutbox();
        MimeMessage secondRequest = mail.sentTo(rep).stream()
                .filter(m -> subject(m).contains("Give me root"))
                .findFirst()
                .orElseThrow();
        String answer = Mails.newId();
        mail.deliver(message(
                rep,
                "Rita Rep",
                "Re: " + secondRequest.getSubject(),
                answer,
                secondRequest.getMessageID(),
                null,
                "Reject\n\nOn Monday Firstline wrote:\n> Approve: ..."));
        poll();
        assertThat(filed(answer)).isEqualTo("APPROVAL:" + rejectedId);
        var rejected = agent.get("/api/v1/tickets/" + rejectedId).json();
        assertThat(rejected.get("status").asString()).isEqualTo("CLOSED");
        administration.sendOutbox();
        assertThat(mail.sentTo(student).stream().map(EmailChannelIT::body))
                .anyMatch(b -> b.contains("asked us not to take this one up"));

        // replies on an approved ticket are never held, also from the non-representative
        String followUp = Mails.newId();
        mail.deliver(message(
                student,
                null,
                "Re: [#" + approved.get("number").asString() + "] Please install a package",
                followUp,
                null,
                null,
                "Thanks!"));
        poll();
        assertThat(filed(followUp)).isEqualTo("REPLY:" + held);
    }

    // --- helpers ---

    private int poll() {
        return administration.poll(mailboxId);
    }

    private static String message(
            String from, String name, String subject, String id, String inReplyTo, String references, String body) {
        return message(from, name, subject, id, inReplyTo, references, body, "");
    }

    private static String message(
            String from,
            String name,
            String subject,
            String id,
            String inReplyTo,
            String references,
            String body,
            String extra) {
        return "From: " + (name == null ? from : "\"" + name + "\" <" + from + ">")
                + "\r\nTo: help@firstline.test\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + id + ">\r\n" + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\r\n")
                + (references == null ? "" : "References: " + references + "\r\n") + extra
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body.replace("\n", "\r\n") + "\r\n";
    }

    private Map<String, Object> ticketFiledFrom(String messageId) {
        return jdbc.sql(
                        "select t.id, t.number, t.subject, t.channel from inbound_email i join ticket t on t.id = i.ticket_id where i.message_id = ?")
                .param(messageId)
                .query()
                .singleRow();
    }

    private String filed(String messageId) {
        return jdbc.sql("select outcome || coalesce(':' || ticket_id, '') from inbound_email where message_id = ?")
                .param(messageId)
                .query(String.class)
                .single();
    }

    private String quarantineReason(String messageId) {
        return jdbc.sql("select reason from inbound_email where message_id = ?")
                .param(messageId)
                .query(String.class)
                .single();
    }

    private int countTickets(String requesterEmail) {
        return jdbc.sql(
                        "select count(*) from ticket t join contact_email e on e.contact_id = t.requester_id where e.email = ?")
                .param(requesterEmail)
                .query(Integer.class)
                .single();
    }

    private String firstBody(long ticketId) {
        return jdbc.sql("select body from message where ticket_id = ? order by id limit 1")
                .param(ticketId)
                .query(String.class)
                .single();
    }

    private static MimeMessage only(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static boolean hasHeader(MimeMessage message, String name) {
        try {
            return message.getHeader(name) != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(MimeMessage message) {
        return org.firstline.support.Mails.text(message);
    }
}

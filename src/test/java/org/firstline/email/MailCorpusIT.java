package org.firstline.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.firstline.email.internal.MailParser;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mail as it comes: the test messages of the Ruby mail library (plain, MIME, attachments, bounces, many charsets,
 * broken ones) and a corpus of malformed messages, all read by the poller from a real IMAP server. What the reader makes
 * of each corpus message, field by field, is pinned by {@code MailCorpusGoldenTest}; this test proves the way through
 * IMAP, the database and the filters.
 */
class MailCorpusIT extends ApiTest {
    private static final Path CORPUS = Path.of("src/test/resources/mail-corpus/mikel-mail");

    static TestMailServer mail;
    static TestMailServer junk;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmailAdministration administration;

    @Autowired
    MailboxService mailboxes;

    @BeforeAll
    static void startMailServer() {
        mail = new TestMailServer("corpus@firstline.test");
        junk = new TestMailServer("junk@firstline.test");
    }

    @AfterAll
    static void stopMailServer() {
        mail.close();
        junk.close();
    }

    private long mailbox(TestMailServer server) {
        return mailboxes.list().stream()
                .filter(m -> m.address().equals(server.supportAddress))
                .findFirst()
                .orElseGet(() -> mailboxes.create(new MailboxForm(
                        server.supportAddress,
                        server.supportAddress,
                        "127.0.0.1",
                        server.imapPort(),
                        MailboxForm.MailSecurity.NONE,
                        TestMailServer.SUPPORT_LOGIN,
                        TestMailServer.SUPPORT_PASSWORD,
                        null,
                        null,
                        null,
                        5,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        false)))
                .id();
    }

    @Test
    void everyRealWorldMessageBecomesATicketAReplyOrAQuarantineEntryWithItsReason() throws IOException {
        long mailboxId = mailbox(mail);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(CORPUS)) {
            for (Path path : paths.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("LICENSE"))
                    .sorted()
                    .toList()) {
                files.put(CORPUS.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(100);
        int before = jdbc.sql("select count(*) from inbound_email")
                .query(Integer.class)
                .single();
        // GreenMail cannot store a few messages (it parses headers such as a doubled From to build its index);
        // a real IMAP server keeps any bytes. Those go to the same filer directly, as a relay would hand them over.
        List<byte[]> refused =
                files.values().stream().filter(raw -> !mail.tryDeliver(raw)).toList();
        assertThat(refused.size()).isLessThan(10);
        refused.forEach(raw -> administration.file(mailboxId, raw));

        long started = System.nanoTime();
        assertThat(administration.poll(mailboxId)).isEqualTo(files.size() - refused.size());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(mail.unseenInSupportInbox()).isZero();

        // the same message (same Message-ID, From, Date and Subject, e.g. a CRLF and an LF copy) is filed once
        Set<String> distinct = new HashSet<>();
        files.values().forEach(raw -> distinct.add(MailParser.dedupKey(raw)));
        int filed = jdbc.sql("select count(*) from inbound_email")
                        .query(Integer.class)
                        .single()
                - before;
        assertThat(filed).isBetween(distinct.size() - 11, distinct.size());
        var outcomes = jdbc.sql("select outcome, count(*) from inbound_email where mailbox_id = ? group by outcome")
                .param(mailboxId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list();
        System.out.println("Corpus of " + files.size() + " messages read in " + millis + " ms: " + outcomes);
        assertThat(outcomes)
                .allMatch(
                        o -> List.of("TICKET", "REPLY", "BOUNCE", "QUARANTINED").contains(o.getKey()));
        assertThat(jdbc.sql(
                                "select count(*) from inbound_email where mailbox_id = ? and outcome = 'QUARANTINED' and coalesce(reason, '') = ''")
                        .param(mailboxId)
                        .query(Integer.class)
                        .single())
                .isZero();
        jdbc.sql(
                        "select coalesce(subject, '') || ' :: ' || reason from inbound_email where mailbox_id = ? and outcome = 'QUARANTINED'")
                .param(mailboxId)
                .query(String.class)
                .list()
                .forEach(r -> System.out.println("QUARANTINED " + r));
        assertThat(count(mailboxId, "TICKET")).isGreaterThan(55);
        assertThat(count(mailboxId, "REPLY")).isPositive();

        // readable ones come out in the right characters
        assertThat(subjects())
                .contains(
                        "まみむめも",
                        "NOTE: 한국말로 하는 것",
                        "Säying Hello",
                        "Eelanalüüsi päring",
                        "Another PDF with 🎉 Unicode chars in it 🍿",
                        "Re: Test: \"漢字\" mid \"漢字\" tail");
        assertThat(bodies())
                .anyMatch(b -> b.contains("すみません。"))
                .anyMatch(b -> b.contains("あいうえお"))
                .anyMatch(b -> b.contains("스티해"))
                .anyMatch(b -> b.contains("대부분의 마찬가지로, 우리는 하나님을 믿습니다."));
        // a forwarded message keeps its text and comes along as .eml
        assertThat(jdbc.sql("select count(*) from attachment where filename like '%.eml'")
                        .query(Integer.class)
                        .single())
                .isPositive();
    }

    @Test
    void malformedMessagesAreEachQuarantinedWithoutStoppingThePoller() {
        long mailboxId = mailbox(junk);
        Map<String, byte[]> malformed = MalformedMail.all();
        assertThat(malformed).hasSizeGreaterThanOrEqualTo(30);
        int before = jdbc.sql("select count(*) from inbound_email where outcome = 'QUARANTINED'")
                .query(Integer.class)
                .single();
        malformed.values().forEach(junk::deliver);
        // one good message last: the poller must get past all the bad ones to it
        junk.deliver(
                "From: fine@customer.test\r\nSubject: after the junk\r\nMessage-ID: <after-junk@test>\r\n\r\nStill here.\r\n");

        assertThat(administration.poll(mailboxId)).isEqualTo(malformed.size() + 1);
        assertThat(junk.unseenInSupportInbox()).isZero();
        int quarantined = jdbc.sql("select count(*) from inbound_email where outcome = 'QUARANTINED'")
                        .query(Integer.class)
                        .single()
                - before;
        assertThat(quarantined).isEqualTo(malformed.size());
        var reasons = jdbc.sql("select message_id, reason from inbound_email where message_id like 'malformed-%'")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list();
        assertThat(reasons).allMatch(r -> r.getValue() != null && !r.getValue().isBlank());
        assertThat(reasons)
                .filteredOn(r -> r.getKey().startsWith("malformed-nested-50"))
                .singleElement()
                .matches(r -> r.getValue().contains("nested deeper than 20"));
        assertThat(reasons)
                .filteredOn(r -> r.getKey().startsWith("malformed-huge-subject"))
                .singleElement()
                .matches(r -> r.getValue().contains("header line"));
        assertThat(reasons)
                .filteredOn(r -> r.getKey().startsWith("malformed-base64-0"))
                .singleElement()
                .matches(r -> r.getValue().contains("base64"));
        assertThat(jdbc.sql("select outcome from inbound_email where message_id = 'after-junk@test'")
                        .query(String.class)
                        .single())
                .isEqualTo("TICKET");

        // an admin sees them, can download one as it arrived, and can make a ticket of it
        var admin = api(AgentRole.ADMIN);
        var list = admin.get("/api/v1/email/quarantine?limit=1000").json().get("items");
        assertThat(list.size()).isGreaterThanOrEqualTo(malformed.size());
        long first = list.get(0).get("id").asLong();
        var raw = admin.get("/api/v1/email/messages/" + first + "/raw", "message/rfc822");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.header("Content-Type")).startsWith("message/rfc822");
        var converted = admin.post("/api/v1/email/quarantine/" + first + "/convert", Map.of());
        assertThat(converted.status()).isEqualTo(201);
        long ticketId = converted.json().get("id").asLong();
        assertThat(admin.get("/api/v1/tickets/" + ticketId + "/attachments")
                        .json()
                        .get("items")
                        .findValuesAsString("filename"))
                .containsExactly("original.eml");
        long second = list.get(1).get("id").asLong();
        assertThat(admin.delete("/api/v1/email/quarantine/" + second).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/email/quarantine?limit=1000")
                        .json()
                        .get("items")
                        .findValuesAsString("id"))
                .doesNotContain(String.valueOf(first), String.valueOf(second));
        assertThat(api(AgentRole.AGENT).get("/api/v1/email/quarantine").status())
                .isEqualTo(403);
    }

    private int count(long mailboxId, String outcome) {
        return jdbc.sql("select count(*) from inbound_email where mailbox_id = ? and outcome = ?")
                .params(mailboxId, outcome)
                .query(Integer.class)
                .single();
    }

    private List<String> subjects() {
        return jdbc.sql("select subject from ticket").query(String.class).list();
    }

    private List<String> bodies() {
        return jdbc.sql("select body from message").query(String.class).list();
    }
}

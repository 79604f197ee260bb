package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.firstline.FirstlineApplication;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.firstline.support.Mails;
import org.firstline.support.PoolUrl;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two nodes reading mail on one database: one of them reads the mailbox, and the other takes over when it stops. */
class MailboxLeaseIT extends ApiTest {
    static TestMailServer mail;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startMailServer() {
        mail = new TestMailServer("leases@firstline.test");
    }

    @AfterAll
    static void stopMailServer() {
        mail.close();
    }

    /** A node with mail intake on, on this test's database; its secret key is in the shared test data directory. */
    private ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(FirstlineApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + PoolUrl.of(dataSource),
                        "--spring.datasource.username=postgres",
                        "--firstline.demo-data=false",
                        "--firstline.email.background=true",
                        "--firstline.triage.background=false",
                        "--firstline.sla.background=false",
                        "--firstline.integration.background=false");
    }

    @Test
    void oneNodeReadsAMailboxAndTheOtherTakesOverWhenItStops() throws Exception {
        long mailbox = mail.mailbox(api(AgentRole.ADMIN), "Leased support");
        try (var nodeB = node();
                var nodeC = node()) {
            var nodes = List.of(nodeB, nodeC);
            waitUntil(() -> readers(nodes, mailbox).size() == 1);
            var reader = readers(nodes, mailbox).getFirst();
            var other = reader == nodeB ? nodeC : nodeB;
            // a few supervision rounds later, still only the one: the other sees the lease and keeps off
            for (int round = 0; round < 4; round++) {
                Thread.sleep(500);
                assertThat(readers(nodes, mailbox)).containsExactly(reader);
            }
            assertThat(holder(mailbox))
                    .isEqualTo(reader.getBean(MailboxLeases.class).node());
            String first = unique("Filed by the first reader");
            mail.deliver(Mails.plain("Carol <carol@customer.test>", mail.supportAddress, first, "Hello", ""));
            waitUntil(() -> tickets(first) == 1 || intake(mailbox).contains("QUARANTINED"));
            assertThat(tickets(first)).as(intake(mailbox)).isEqualTo(1);

            reader.close();
            waitUntil(() -> other.getBean(IntakeRunner.class).reads(mailbox));
            assertThat(holder(mailbox))
                    .isEqualTo(other.getBean(MailboxLeases.class).node());
            String second = unique("Filed after the takeover");
            mail.deliver(Mails.plain("Carol <carol@customer.test>", mail.supportAddress, second, "Hello again", ""));
            waitUntil(() -> tickets(second) == 1);
            assertThat(tickets(first)).as("filed once").isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from mailbox_lease where mailbox_id = ?")
                        .param(mailbox)
                        .query(Integer.class)
                        .single())
                .as("a node that stops hands its mailboxes back")
                .isZero();
    }

    private static List<ConfigurableApplicationContext> readers(
            List<ConfigurableApplicationContext> nodes, long mailbox) {
        return nodes.stream()
                .filter(n -> n.isActive() && n.getBean(IntakeRunner.class).reads(mailbox))
                .toList();
    }

    private String holder(long mailbox) {
        return jdbc.sql("select node_id from mailbox_lease where mailbox_id = ?")
                .param(mailbox)
                .query(String.class)
                .single();
    }

    /** What became of the mailbox's messages, for a failure to show. */
    private String intake(long mailbox) {
        return jdbc.sql(
                                "select string_agg(outcome || ' ' || coalesce(reason, ''), '; ') from inbound_email where mailbox_id = ?")
                        .param(mailbox)
                        .query(String.class)
                        .optional()
                        .orElse("nothing read")
                + " / leases: "
                + jdbc.sql("select string_agg(mailbox_id || '@' || node_id, ', ') from mailbox_lease")
                        .query(String.class)
                        .optional()
                        .orElse("none");
    }

    private int tickets(String subject) {
        return jdbc.sql("select count(*) from ticket where subject = ?")
                .param(subject)
                .query(Integer.class)
                .single();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("within 30 s").isBefore(until);
            Thread.sleep(100);
        }
    }
}

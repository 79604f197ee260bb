package org.firstline.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.firstline.FirstlineApplication;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.firstline.support.PoolUrl;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes run the escalation engine on one database at once, racing for the same escalations: every person gets
 * each step's page exactly once, and exactly one mail is queued for each page.
 */
class TwoNodePagingIT extends ApiTest {
    private static final TestMailServer MAIL = new TestMailServer("two-nodes@firstline.test");
    private static final int ESCALATIONS = 150;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Escalations escalations;

    @Autowired
    EscalationPolicies policies;

    @AfterAll
    static void stopMail() {
        MAIL.close();
    }

    private ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(FirstlineApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + PoolUrl.of(dataSource),
                        "--spring.datasource.username=postgres",
                        "--firstline.demo-data=false",
                        "--firstline.oncall.background=true",
                        "--firstline.oncall.interval=PT0.05S",
                        "--firstline.email.background=false",
                        "--firstline.triage.background=false",
                        "--firstline.sla.background=false",
                        "--firstline.rota.background=false",
                        "--firstline.integration.background=false");
    }

    @Test
    void everyPageGoesOutExactlyOnce() throws Exception {
        MAIL.mailbox(api(AgentRole.ADMIN), "Two nodes");
        clock.set(Instant.now());
        var first = newAgent(AgentRole.AGENT);
        var second = newAgent(AgentRole.AGENT);
        long policy = policies.create(new EscalationPolicyForm(
                        unique("Race"),
                        null,
                        null,
                        null,
                        0,
                        List.of(
                                new EscalationPolicyForm.StepForm(60, List.of(EscalationTarget.agent(first.id()))),
                                new EscalationPolicyForm.StepForm(60, List.of(EscalationTarget.agent(second.id()))))))
                .id();
        try (var nodeA = node();
                var nodeB = node()) {
            var ids = new ArrayList<Long>();
            for (int i = 0; i < ESCALATIONS; i++) {
                ids.add(escalations
                        .start(new EscalationRequest(
                                SubjectKind.ALERT,
                                ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2),
                                policy,
                                "Race " + i,
                                true))
                        .id());
            }
            waitUntil(() -> sentPages(policy) == ESCALATIONS);
            // the step's hour is up for all of them at once: both nodes race to move them on
            jdbc.sql("update escalation set next_step_at = now() - interval '1 second' where policy_id = ?")
                    .param(policy)
                    .update();
            waitUntil(() -> sentPages(policy) == 2 * ESCALATIONS);
            // a few more engine cycles on both nodes find nothing more to do
            long settled = sentPages(policy);
            for (int i = 0; i < 10; i++) {
                Thread.sleep(100);
                assertThat(sentPages(policy)).isEqualTo(settled);
            }
        }
        assertThat(jdbc.sql("""
                        select count(*) from (select p.escalation_id, p.step_position, count(*) from page p
                        join escalation e on e.id = p.escalation_id where e.policy_id = ? and p.status = 'SENT'
                        group by 1, 2 having count(*) <> 1) twice""").param(policy).query(Integer.class).single())
                .as("no step of any escalation paged twice")
                .isZero();
        for (var person : List.of(first, second)) {
            assertThat(jdbc.sql("select count(*) from outbound_email where kind = 'PAGE' and ? = any(recipients)")
                            .param(person.email())
                            .query(Integer.class)
                            .single())
                    .as("one mail per page")
                    .isEqualTo(ESCALATIONS);
        }
    }

    private long sentPages(long policy) {
        return jdbc.sql("""
                        select count(*) from page p join escalation e on e.id = p.escalation_id
                        where e.policy_id = ? and p.status = 'SENT'""").param(policy).query(Long.class).single();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("within 60 s").isBefore(until);
            Thread.sleep(50);
        }
    }
}

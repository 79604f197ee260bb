package org.firstline.sla;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.firstline.FirstlineApplication;
import org.firstline.directory.AgentView;
import org.firstline.directory.OrganizationForm;
import org.firstline.directory.OrganizationService;
import org.firstline.directory.TeamForm;
import org.firstline.directory.TeamService;
import org.firstline.email.EmailAdministration;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AgentRole;
import org.firstline.sla.internal.SlaNotifier;
import org.firstline.sla.internal.SlaSweeper;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.firstline.support.TestMailServer;
import org.firstline.ticket.Channel;
import org.firstline.ticket.OpenTicketForm;
import org.firstline.ticket.Priority;
import org.firstline.ticket.TicketChange;
import org.firstline.ticket.TicketChanges;
import org.firstline.ticket.TicketService;
import org.firstline.triage.TeamQueues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Who hears of warnings and breaches, and that each is recorded and told exactly once, also with two nodes sweeping
 * the same database at the same time. Mail goes through a real SMTP server.
 */
@TestPropertySource(
        properties = {
            "firstline.public-url=http://desk.test",
            "firstline.sla.sweep-batch=50",
            "firstline.sla.notify-batch=40"
        })
class SlaAlertsIT extends ApiTest {
    static TestMailServer mail;

    @Autowired
    CalendarService calendars;

    @Autowired
    SlaPolicies policies;

    @Autowired
    OrganizationService organizations;

    @Autowired
    TeamService teams;

    @Autowired
    TeamQueues queues;

    @Autowired
    TicketService tickets;

    @Autowired
    TicketChanges changes;

    @Autowired
    SlaSweeper sweeper;

    @Autowired
    SlaNotifier notifier;

    @Autowired
    EmailAdministration email;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    UndeliveredAlerts undelivered;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    AgentPrincipal actor;
    String domain;

    @BeforeAll
    static void startMailServer() {
        mail = new TestMailServer("help@firstline.test");
    }

    @AfterAll
    static void stopMailServer() {
        mail.close();
    }

    @BeforeEach
    void mailboxAndPlan() {
        clock.set(Instant.parse("2026-11-30T08:00:00Z"));
        var admin = api(AgentRole.ADMIN);
        mail.mailbox(admin, "Support");
        actor = agentService.principal(newAgent(AgentRole.AGENT).id()).orElseThrow();
        long allHours = calendars.list().stream()
                .filter(CalendarView::aroundTheClock)
                .findFirst()
                .orElseThrow()
                .id();
        long plan =
                organizations.createPlan(unique("Plan"), "", 0, "MONTH", false).id();
        policies.create(new PolicyForm(
                unique("Policy"),
                plan,
                allHours,
                null,
                50,
                List.of(
                        new PolicyTarget(Priority.NORMAL, SlaTarget.ACKNOWLEDGEMENT, 30, TargetUnit.MINUTES, null),
                        new PolicyTarget(Priority.NORMAL, SlaTarget.FIRST_RESPONSE, 60, TargetUnit.MINUTES, null))));
        domain = unique("alerts") + ".example";
        organizations.create(new OrganizationForm(unique("Org"), plan, List.of(domain), false, null, ""));
    }

    long open(String subject) {
        return tickets.open(OpenTicketForm.of(subject, "Please help", "req@" + domain, "Req", Channel.API), actor, null)
                .id();
    }

    @Test
    void theOwnerTheTeamWhenNobodyOwnsItAndFirstLineEachGetOneDigest() throws Exception {
        AgentView owner = newAgent(AgentRole.AGENT),
                colleague = newAgent(AgentRole.AGENT),
                triager = newAgent(AgentRole.AGENT);
        long team = teams.create(new TeamForm(unique("Ops"), "", List.of(owner.id(), colleague.id(), triager.id())))
                .id();
        queues.setOnDuty(team, triager.id());
        long owned = open("Owned ticket"), unowned = open("Unowned ticket");
        changes.change(owned, TicketChange.routing(Optional.of(team), Optional.of(owner.id())), actor);
        changes.change(unowned, TicketChange.routing(Optional.of(team), Optional.empty()), actor);
        email.sendOutbox(); // the requester's assignment notice: it meets acknowledgement of the owned ticket

        clock.advance(Duration.ofMinutes(61));
        sweeper.sweep();
        notifier.notifyRecorded();
        email.sendOutbox();
        sweeper.sweep();
        notifier.notifyRecorded();
        email.sendOutbox();

        String ownedNumber = "#" + tickets.get(owned).number(),
                unownedNumber = "#" + tickets.get(unowned).number();
        MimeMessage toOwner = only(mail.sentTo(owner.email()));
        assertThat(body(toOwner))
                .contains("BREACHED: first response on " + ownedNumber)
                .contains("http://desk.test/tickets/" + tickets.get(owned).number())
                .contains("BREACHED: first response on " + unownedNumber)
                .contains("BREACHED: acknowledgement on " + unownedNumber)
                .doesNotContain("acknowledgement on " + ownedNumber);
        assertThat(toOwner.getSubject()).isEqualTo("3 breached: service levels on 2 tickets");
        MimeMessage toColleague = only(mail.sentTo(colleague.email()));
        assertThat(body(toColleague)).contains(unownedNumber).doesNotContain(ownedNumber);
        assertThat(body(only(mail.sentTo(triager.email()))))
                .contains(ownedNumber)
                .contains(unownedNumber);
    }

    @Test
    void aWarningComesBeforeTheBreachAndNeitherTwice() throws Exception {
        AgentView owner = newAgent(AgentRole.AGENT);
        long team = teams.create(new TeamForm(unique("Docs"), "", List.of(owner.id())))
                .id();
        long ticket = open("Warn me");
        changes.change(ticket, TicketChange.routing(Optional.of(team), Optional.of(owner.id())), actor);
        clock.advance(Duration.ofMinutes(31)); // past half of the first response's hour
        sweeper.sweep();
        notifier.notifyRecorded();
        email.sendOutbox();
        MimeMessage warning = only(mail.sentTo(owner.email()));
        assertThat(warning.getSubject())
                .startsWith("At risk: first response on #" + tickets.get(ticket).number());
        sweeper.sweep();
        notifier.notifyRecorded();
        email.sendOutbox();
        assertThat(mail.sentTo(owner.email())).hasSize(1);
        clock.advance(Duration.ofMinutes(30));
        sweeper.sweep();
        notifier.notifyRecorded();
        email.sendOutbox();
        assertThat(mail.sentTo(owner.email()))
                .hasSize(2)
                .last()
                .satisfies(m -> assertThat(m.getSubject()).startsWith("Breached: first response"));
    }

    @Test
    void anAlertWhoseListenerFailsIsSetAsideAfterFiveSweepsWhileTheOthersGoOut() throws Exception {
        AgentView owner = newAgent(AgentRole.AGENT);
        long team = teams.create(new TeamForm(unique("Poison"), "", List.of(owner.id())))
                .id();
        long poisoned = open("Poisoned ticket"), healthy = open("Healthy ticket");
        changes.change(poisoned, TicketChange.routing(Optional.of(team), Optional.of(owner.id())), actor);
        changes.change(healthy, TicketChange.routing(Optional.of(team), Optional.of(owner.id())), actor);
        String poisonedNumber = "#" + tickets.get(poisoned).number(),
                healthyNumber = "#" + tickets.get(healthy).number();
        ApplicationListener<PayloadApplicationEvent<SlaAlertsRaised>> poison = e -> {
            if (e.getPayload().alerts().stream().anyMatch(a -> a.ticketId() == poisoned)) {
                throw new IllegalStateException("no channel for ticket " + poisoned);
            }
        };
        context.addApplicationListener(poison);
        try {
            // first response at risk on both (the assignment acknowledged them): only the healthy ticket's goes out
            clock.advance(Duration.ofMinutes(31));
            sweeper.sweep();
            notifier.notifyRecorded();
            email.sendOutbox();
            assertThat(body(only(mail.sentTo(owner.email()))))
                    .contains(healthyNumber)
                    .doesNotContain(poisonedNumber);
            assertThat(unnotified(healthy)).isZero();
            assertThat(attempts(poisoned)).containsExactly(1);
            assertThat(jdbc.sql("select last_error from sla_event where ticket_id = ?")
                            .param(poisoned)
                            .query(String.class)
                            .list())
                    .allSatisfy(error -> assertThat(error).contains("no channel for ticket " + poisoned));

            // four more rounds, each after the wait before the next attempt; the first response breaches on the way
            for (int round = 2; round <= 5; round++) {
                clock.advance(Duration.ofHours(1));
                sweeper.sweep();
                notifier.notifyRecorded();
            }
            email.sendOutbox();
            assertThat(mail.sentTo(owner.email()))
                    .hasSize(2)
                    .last()
                    .satisfies(m -> assertThat(body(m))
                            .contains("BREACHED: first response on " + healthyNumber)
                            .doesNotContain(poisonedNumber));
            assertThat(unnotified(healthy)).isZero();
            // the warning from the first sweep had its five attempts; the breach recorded a sweep later had four
            assertThat(attempts(poisoned)).containsExactlyInAnyOrder(5, 4);
            assertThat(undelivered.list(100))
                    .filteredOn(u -> u.ticketId() == poisoned)
                    .hasSize(1)
                    .allSatisfy(u -> assertThat(u.attempts()).isEqualTo(5));

            clock.advance(Duration.ofHours(1));
            sweeper.sweep();
            notifier.notifyRecorded();
            clock.advance(Duration.ofHours(1));
            notifier.notifyRecorded();
            assertThat(attempts(poisoned)).as("set aside, never claimed again").containsOnly(5);
            assertThat(undelivered.list(100))
                    .filteredOn(u -> u.ticketId() == poisoned)
                    .hasSize(2);
            assertThat(adminPage("/admin/sla"))
                    .contains("Alerts nobody could be told of")
                    .contains(poisonedNumber + " Poisoned ticket")
                    .contains("no channel for ticket " + poisoned);
            assertThat(meters.counter("firstline.sla.alerts.dead_lettered").count())
                    .isGreaterThanOrEqualTo(2);
        } finally {
            context.removeApplicationListener(poison);
        }

        // the cause fixed, an admin tries one again: it goes out with the next sweep
        long eventId = undelivered.list(100).stream()
                .filter(u -> u.ticketId() == poisoned)
                .findFirst()
                .orElseThrow()
                .eventId();
        assertThat(undelivered.retry(eventId)).isTrue();
        notifier.notifyRecorded();
        assertThat(jdbc.sql("select notified_at is not null from sla_event where id = ?")
                        .param(eventId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        email.sendOutbox();
        assertThat(mail.sentTo(owner.email()))
                .hasSize(3)
                .last()
                .satisfies(m -> assertThat(body(m)).contains(poisonedNumber));
        assertThat(undelivered.list(100))
                .filteredOn(u -> u.ticketId() == poisoned)
                .hasSize(1);
    }

    private List<Integer> attempts(long ticket) {
        return jdbc.sql("select attempts from sla_event where ticket_id = ? and notified_at is null")
                .param(ticket)
                .query(Integer.class)
                .list();
    }

    private int unnotified(long ticket) {
        return jdbc.sql("select count(*) from sla_event where ticket_id = ? and notified_at is null")
                .param(ticket)
                .query(Integer.class)
                .single();
    }

    /** A page as a signed-in admin sees it: through the sign-in form, with the session cookie. */
    private String adminPage(String path) {
        var admin = newAgent(AgentRole.ADMIN);
        var browser = ApiClient.anonymous(port).withCookies();
        String csrf = ApiClient.csrfToken(browser.get("/login", "text/html").body());
        var signedIn = browser.postForm(
                "/login", java.util.Map.of("username", admin.username(), "password", PASSWORD, "_csrf", csrf));
        assertThat(signedIn.status()).isEqualTo(302);
        var page = browser.get(path, "text/html");
        assertThat(page.status()).isEqualTo(200);
        return page.body();
    }

    @Test
    void twoNodesSweepingAThousandDeadlinesRecordAndTellEachBreachExactlyOnce() throws Exception {
        // node B runs on the real clock: the deadlines are set an hour in the real past
        Instant realNow = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(realNow.minus(Duration.ofHours(2)));
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 1000; i++) ids.add(open("Deadline " + i));
        clock.set(realNow);
        Set<Long> toldIds = ConcurrentHashMap.newKeySet();
        List<Long> told = new CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<SlaAlertsRaised>> recorder = e -> e.getPayload().alerts().stream()
                .filter(a -> ids.contains(a.ticketId()))
                .forEach(a -> {
                    told.add(a.eventId());
                    toldIds.add(a.eventId());
                });
        context.addApplicationListener(recorder);
        try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(FirstlineApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=" + org.firstline.support.PoolUrl.of(dataSource),
                                "--spring.datasource.username=postgres",
                                "--firstline.demo-data=false",
                                "--firstline.email.background=false",
                                "--firstline.triage.background=false",
                                "--firstline.integration.background=false",
                                "--firstline.sla.background=false",
                                "--firstline.sla.sweep-batch=50",
                                "--firstline.sla.notify-batch=40",
                                "--firstline.data-dir=target/test-data/sla-node-b");
                var pool = Executors.newFixedThreadPool(2)) {
            nodeB.addApplicationListener(recorder);
            var sweepers = List.of(sweeper, nodeB.getBean(SlaSweeper.class));
            var notifiers = List.of(notifier, nodeB.getBean(SlaNotifier.class));
            var rounds = new ArrayList<Future<Integer>>();
            for (int node = 0; node < 2; node++) {
                int n = node;
                rounds.add(pool.submit(() -> {
                    int recorded = 0;
                    for (int round = 0; round < 5; round++) {
                        recorded += sweepers.get(n).sweep();
                        notifiers.get(n).notifyRecorded();
                    }
                    return recorded;
                }));
            }
            int byA = rounds.get(0).get(), byB = rounds.get(1).get();
            System.out.printf(
                    "1,000 overdue deadlines (2,000 breaches) on two nodes: node A recorded %d, node B %d%n", byA, byB);
        }
        var param = ids.toArray(Long[]::new);
        assertThat(jdbc.sql("select count(*) from sla_event where ticket_id = any(?) and kind = 'BREACHED'")
                        .param(param)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2000);
        assertThat(jdbc.sql("select count(distinct ticket_sla_id) from sla_event where ticket_id = any(?)")
                        .param(param)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2000);
        assertThat(jdbc.sql("select count(*) from sla_event where ticket_id = any(?) and notified_at is null")
                        .param(param)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(told).hasSize(2000);
        assertThat(toldIds).hasSize(2000);
    }

    @Test
    void aPolicyEditReachesTicketsAnotherNodeChangedOnTheOldTerms() throws Exception {
        Instant realNow = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(realNow);
        var policy = policies.list().stream()
                .filter(p -> p.targets().size() == 2 && p.atRiskPercent() == 50)
                .reduce((a, b) -> b)
                .orElseThrow();
        try (ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(FirstlineApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + org.firstline.support.PoolUrl.of(dataSource),
                        "--spring.datasource.username=postgres",
                        "--firstline.demo-data=false",
                        "--firstline.email.background=false",
                        "--firstline.triage.background=false",
                        "--firstline.integration.background=false",
                        "--firstline.sla.background=false",
                        "--firstline.data-dir=target/test-data/sla-node-b2")) {
            var ticketsOnB = nodeB.getBean(TicketService.class);
            var changesOnB = nodeB.getBean(TicketChanges.class);
            var actorOnB = nodeB.getBean(org.firstline.directory.AgentService.class)
                    .principal(actor.id())
                    .orElseThrow();
            long ticket = ticketsOnB
                    .open(OpenTicketForm.of("Opened on B", "x", "req@" + domain, "Req", Channel.API), actorOnB, null)
                    .id();
            Instant created = tickets.get(ticket).createdAt();
            var slas = context.getBean(TicketSlas.class);
            java.util.function.Supplier<Instant> due = () -> slas.forTicket(ticket).targets().stream()
                    .filter(t -> t.target() == SlaTarget.FIRST_RESPONSE)
                    .findFirst()
                    .orElseThrow()
                    .dueAt();
            // node A makes the first response ten times longer and works out the open tickets again
            policies.update(
                    policy.id(),
                    new PolicyForm(
                            policy.name(),
                            policy.planId(),
                            policy.calendarId(),
                            null,
                            50,
                            List.of(
                                    new PolicyTarget(
                                            Priority.NORMAL, SlaTarget.ACKNOWLEDGEMENT, 30, TargetUnit.MINUTES, null),
                                    new PolicyTarget(
                                            Priority.NORMAL,
                                            SlaTarget.FIRST_RESPONSE,
                                            600,
                                            TargetUnit.MINUTES,
                                            null))));
            waitFor(() -> due.get().equals(created.plus(Duration.ofMinutes(600))));
            // then node B, still on the old terms for a moment, changes the ticket and works its clocks out on them
            changesOnB.change(
                    ticket,
                    TicketChange.status(
                            org.firstline.ticket.TicketStatus.PENDING, org.firstline.ticket.PendingReason.ENGINEERING),
                    actorOnB);
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    due.get().equals(created.plus(Duration.ofMinutes(60))),
                    "node B's policies were fresh already; nothing stale to correct");
            waitFor(() -> due.get().equals(created.plus(Duration.ofMinutes(600))));
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("within 15 s").isBefore(until);
            Thread.sleep(50);
        }
    }

    private static MimeMessage only(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    private static String body(MimeMessage message) {
        return org.firstline.support.Mails.text(message);
    }
}

package org.firstline.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.firstline.directory.OrganizationForm;
import org.firstline.directory.OrganizationService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AgentRole;
import org.firstline.sla.internal.SlaNotifier;
import org.firstline.sla.internal.SlaSweeper;
import org.firstline.support.ApiTest;
import org.firstline.ticket.Channel;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.OpenTicketForm;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.Priority;
import org.firstline.ticket.Resolution;
import org.firstline.ticket.TicketChange;
import org.firstline.ticket.TicketChanges;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A ticket's clocks through its life, on a London office-hours calendar (Mon–Fri 09:00–17:00), the clock moved by
 * hand: a Friday-afternoon ticket, pauses while waiting on the customer, answers, a reopen, a priority change, and the
 * sweeper recording each warning and breach once.
 */
class SlaClocksIT extends ApiTest {
    static final Instant FRIDAY_4PM = Instant.parse("2026-11-27T16:00:00Z");

    @Autowired
    CalendarService calendars;

    @Autowired
    SlaPolicies policies;

    @Autowired
    OrganizationService organizations;

    @Autowired
    TicketService tickets;

    @Autowired
    TicketChanges changes;

    @Autowired
    ConversationService conversation;

    @Autowired
    TicketSlas slas;

    @Autowired
    SlaSweeper sweeper;

    @Autowired
    SlaNotifier notifier;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.firstline.sla.internal.Backfill backfill;

    AgentPrincipal agent;
    String domain;
    long organization;
    long calendar;

    @BeforeEach
    void planOnLondonHours() {
        clock.set(FRIDAY_4PM.minus(Duration.ofDays(1)));
        sweeper.sweep(); // whatever earlier tests left due fires now, not inside this test's assertions
        agent = agentService.principal(newAgent(AgentRole.AGENT).id()).orElseThrow();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        var hours = java.util.Arrays.stream(DayOfWeek.values())
                .limit(5)
                .map(d -> new CalendarForm.Hours(d, "09:00", "17:00"))
                .toList();
        calendar = calendars
                .create(new CalendarForm("London " + unique, "Europe/London", false, hours))
                .id();
        long plan = organizations
                .createPlan("Plan " + unique, "", 0, "MONTH", false)
                .id();
        policies.create(new PolicyForm(
                "Policy " + unique,
                plan,
                calendar,
                null,
                80,
                List.of(
                        new PolicyTarget(Priority.NORMAL, SlaTarget.ACKNOWLEDGEMENT, 60, TargetUnit.MINUTES, null),
                        new PolicyTarget(Priority.NORMAL, SlaTarget.FIRST_RESPONSE, 120, TargetUnit.MINUTES, null),
                        new PolicyTarget(Priority.NORMAL, SlaTarget.NEXT_RESPONSE, 240, TargetUnit.MINUTES, null),
                        new PolicyTarget(Priority.NORMAL, SlaTarget.RESOLUTION, 2, TargetUnit.WORKING_DAYS, null),
                        new PolicyTarget(Priority.CRITICAL, SlaTarget.FIRST_RESPONSE, 30, TargetUnit.MINUTES, null))));
        domain = "sla-" + unique + ".example";
        organization = organizations
                .create(new OrganizationForm("Org " + unique, plan, List.of(domain), false, null, ""))
                .id();
    }

    long open() {
        clock.set(FRIDAY_4PM);
        return tickets.open(
                        OpenTicketForm.of("Export fails", "Since this afternoon", "ann@" + domain, "Ann", Channel.API),
                        agent,
                        null)
                .id();
    }

    TargetClockView clockOf(long ticket, SlaTarget target) {
        return slas.forTicket(ticket).targets().stream()
                .filter(t -> t.target() == target)
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    List<String> events(long ticket) {
        return jdbc.sql(
                        "select s.target || ' ' || e.kind || ' ' || e.fire_at from sla_event e join ticket_sla s on s.id = e.ticket_sla_id where e.ticket_id = ? order by e.id")
                .param(ticket)
                .query(String.class)
                .list();
    }

    @Test
    void aFridayAfternoonTicketIsDueOnMondayMorningAndWarnsAndBreachesOnceEach() {
        long ticket = open();
        assertThat(slas.forTicket(ticket).policy()).startsWith("Policy ");
        assertThat(clockOf(ticket, SlaTarget.ACKNOWLEDGEMENT).dueAt()).isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));
        var first = clockOf(ticket, SlaTarget.FIRST_RESPONSE);
        assertThat(first.dueAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        // 80 % of 120 working minutes: 60 on Friday, 36 on Monday
        assertThat(first.warnAt()).isEqualTo(Instant.parse("2026-11-30T09:36:00Z"));
        assertThat(first.workingMinutesLeft()).isEqualTo(120);
        assertThat(clockOf(ticket, SlaTarget.RESOLUTION).dueAt()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));

        clock.set(Instant.parse("2026-11-30T09:40:00Z"));
        sweeper.sweep();
        sweeper.sweep();
        assertThat(clockOf(ticket, SlaTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.AT_RISK);
        assertThat(events(ticket))
                .containsExactly(
                        "ACKNOWLEDGEMENT BREACHED 2026-11-27 17:00:00+00",
                        "FIRST_RESPONSE AT_RISK 2026-11-30 09:36:00+00");

        clock.set(Instant.parse("2026-11-30T10:00:00Z"));
        sweeper.sweep();
        clock.advance(Duration.ofMinutes(5));
        sweeper.sweep();
        assertThat(events(ticket))
                .containsExactly(
                        "ACKNOWLEDGEMENT BREACHED 2026-11-27 17:00:00+00",
                        "FIRST_RESPONSE AT_RISK 2026-11-30 09:36:00+00",
                        "FIRST_RESPONSE BREACHED 2026-11-30 10:00:00+00");
        assertThat(clockOf(ticket, SlaTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.BREACHED);
        assertThat(clockOf(ticket, SlaTarget.FIRST_RESPONSE).workingMinutesLeft())
                .isEqualTo(-5);
        notifier.notifyRecorded();
        assertThat(jdbc.sql("select count(*) from sla_event where ticket_id = ? and notified_at is null")
                        .param(ticket)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void waitingOnTheCustomerPausesTheClocksUntilTheyReply() {
        long ticket = open();
        clock.set(Instant.parse("2026-11-27T16:30:00Z"));
        changes.change(ticket, TicketChange.status(TicketStatus.PENDING, PendingReason.CUSTOMER), agent);
        assertThat(clockOf(ticket, SlaTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.PAUSED);
        assertThat(clockOf(ticket, SlaTarget.FIRST_RESPONSE).dueAt()).isNull();
        clock.set(Instant.parse("2026-11-30T12:00:00Z"));
        sweeper.sweep();
        assertThat(events(ticket)).noneMatch(e -> e.startsWith("FIRST_RESPONSE"));

        // the customer's reply takes the ticket back to open and the clocks on: 30 minutes were used on Friday
        conversation.post(ticket, new MessageForm("Here are the logs", MessageKind.PUBLIC, "ann@" + domain), agent);
        var first = clockOf(ticket, SlaTarget.FIRST_RESPONSE);
        assertThat(first.state()).isEqualTo(ClockState.RUNNING);
        assertThat(first.dueAt()).isEqualTo(Instant.parse("2026-11-30T13:30:00Z"));
        assertThat(slas.forTicket(ticket).pauses()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("CUSTOMER");
            assertThat(p.endedAt()).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
        });
    }

    @Test
    void twoI2cWorkshopWaitingForItsScheduledDatePausesTheResolutionClockByDefaultAndNeverBreaches() {
        long ticket = open();
        clock.set(Instant.parse("2026-11-27T16:30:00Z"));
        conversation.post(ticket, new MessageForm("Booked for the 14th", MessageKind.PUBLIC, null), agent);
        changes.change(ticket, TicketChange.status(TicketStatus.PENDING, PendingReason.SCHEDULED), agent);
        assertThat(clockOf(ticket, SlaTarget.RESOLUTION).state()).isEqualTo(ClockState.PAUSED);
        clock.set(Instant.parse("2026-12-14T12:00:00Z")); // two weeks later, long past the 2 working days
        sweeper.sweep();
        assertThat(events(ticket)).noneMatch(e -> e.startsWith("RESOLUTION"));
        assertThat(slas.forTicket(ticket).pauses())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("SCHEDULED"));
    }

    @Test
    void dxwAClientsChangeApprovalPausesTheClocksByDefault() {
        long ticket = open();
        changes.change(ticket, TicketChange.status(TicketStatus.PENDING, PendingReason.CHANGE_APPROVAL), agent);
        assertThat(clockOf(ticket, SlaTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.PAUSED);
        assertThat(clockOf(ticket, SlaTarget.RESOLUTION).state()).isEqualTo(ClockState.PAUSED);
    }

    @Test
    void dxwACriticalTicketOfA247PlanRunsAroundTheClockAndCriticalMeansItsImpact() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        calendars.create(new CalendarForm("Always " + unique, "UTC", true, List.of()));
        long plan = organizations
                .createPlan("Emergency " + unique, "", 0, "MONTH", true)
                .id();
        policies.create(new PolicyForm(
                "Emergency " + unique,
                plan,
                calendar,
                null,
                80,
                List.of(new PolicyTarget(Priority.NORMAL, SlaTarget.FIRST_RESPONSE, 120, TargetUnit.MINUTES, null))));
        String hospital = "nhs-" + unique + ".example";
        organizations.create(new OrganizationForm("Hospital " + unique, plan, List.of(hospital), false, null, ""));
        clock.set(FRIDAY_4PM);
        long major = tickets.open(
                        OpenTicketForm.of("Portal down", "Nobody can sign in", "ward@" + hospital, "Ward", Channel.API)
                                .withImpact(org.firstline.ticket.Impact.MAJOR),
                        agent,
                        null)
                .id();
        long minor = tickets.open(
                        OpenTicketForm.of("Typo on the portal", "Footer", "ward@" + hospital, "Ward", Channel.API)
                                .withImpact(org.firstline.ticket.Impact.MINOR),
                        agent,
                        null)
                .id();
        assertThat(tickets.get(major).critical()).isTrue();
        assertThat(tickets.get(minor).critical()).isFalse();
        // same NORMAL priority, same plan: only the critical one runs through the weekend
        assertThat(clockOf(major, SlaTarget.FIRST_RESPONSE).dueAt()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(clockOf(minor, SlaTarget.FIRST_RESPONSE).dueAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
    }

    @Test
    void waitingOnEngineeringDoesNotPause() {
        long ticket = open();
        changes.change(ticket, TicketChange.status(TicketStatus.PENDING, PendingReason.ENGINEERING), agent);
        assertThat(clockOf(ticket, SlaTarget.FIRST_RESPONSE).dueAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        // switching what it waits on to the customer pauses it without a status change
        changes.change(ticket, TicketChange.status(TicketStatus.PENDING, PendingReason.CUSTOMER), agent);
        assertThat(clockOf(ticket, SlaTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.PAUSED);
    }

    @Test
    void aPublicReplyMeetsFirstResponseANoteDoesNotAndTheCustomersNextMessageStartsNextResponse() {
        long ticket = open();
        clock.set(Instant.parse("2026-11-27T16:20:00Z"));
        conversation.post(ticket, new MessageForm("Looking at the export job", MessageKind.NOTE, null), agent);
        assertThat(clockOf(ticket, SlaTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.RUNNING);
        clock.set(Instant.parse("2026-11-27T16:40:00Z"));
        conversation.post(ticket, new MessageForm("Which file fails?", MessageKind.PUBLIC, null), agent);
        assertThat(clockOf(ticket, SlaTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.MET);
        assertThat(clockOf(ticket, SlaTarget.FIRST_RESPONSE).metAt()).isEqualTo(Instant.parse("2026-11-27T16:40:00Z"));
        assertThat(clockOf(ticket, SlaTarget.ACKNOWLEDGEMENT).state()).isEqualTo(ClockState.MET);

        clock.set(Instant.parse("2026-11-28T10:00:00Z"));
        conversation.post(ticket, new MessageForm("The big one", MessageKind.PUBLIC, "ann@" + domain), agent);
        var next = clockOf(ticket, SlaTarget.NEXT_RESPONSE);
        assertThat(next.cycle()).isEqualTo(1);
        assertThat(next.dueAt()).isEqualTo(Instant.parse("2026-11-30T13:00:00Z"));
        clock.set(Instant.parse("2026-11-30T09:30:00Z"));
        conversation.post(ticket, new MessageForm("Fixed the size limit", MessageKind.PUBLIC, null), agent);
        assertThat(clockOf(ticket, SlaTarget.NEXT_RESPONSE).state()).isEqualTo(ClockState.MET);
    }

    @Test
    void resolvingMeetsResolutionAndAReopenWaitsForANewAnswer() {
        long ticket = open();
        clock.set(Instant.parse("2026-11-30T11:00:00Z"));
        changes.change(
                ticket,
                new TicketChange(
                        null,
                        TicketStatus.RESOLVED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Resolution.CUSTOMER_SIDE,
                        null),
                agent);
        assertThat(clockOf(ticket, SlaTarget.RESOLUTION).state()).isEqualTo(ClockState.MET);
        assertThat(clockOf(ticket, SlaTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.STOPPED);

        clock.set(Instant.parse("2026-11-30T15:00:00Z"));
        changes.change(ticket, TicketChange.status(TicketStatus.OPEN, null), agent);
        var next = clockOf(ticket, SlaTarget.NEXT_RESPONSE);
        assertThat(next.state()).isEqualTo(ClockState.RUNNING);
        assertThat(next.startedAt()).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
        assertThat(next.dueAt()).isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));
    }

    @Test
    void aPriorityChangeWorksTheDueTimesOutAgainAndDropsTargetsTheNewPriorityHasNot() {
        long ticket = open();
        clock.set(Instant.parse("2026-11-27T16:10:00Z"));
        changes.change(ticket, TicketChange.priority(Priority.CRITICAL), agent);
        assertThat(clockOf(ticket, SlaTarget.FIRST_RESPONSE).dueAt()).isEqualTo(Instant.parse("2026-11-27T16:30:00Z"));
        assertThat(clockOf(ticket, SlaTarget.RESOLUTION).state()).isEqualTo(ClockState.STOPPED);
    }

    @Test
    void ticketsWrittenBySqlGetTheirClocksFromTheBackfill() {
        long ticket = open();
        long copy = jdbc.sql("""
                insert into ticket (subject, requester_id, organization_id, channel, type, priority, impact, status, created_at, updated_at)
                select 'Imported by SQL', requester_id, organization_id, channel, type, priority, impact, 'OPEN', created_at, updated_at
                from ticket where id = ? returning id""").param(ticket).query(Long.class).single();
        assertThat(slas.forTicket(copy).targets()).isEmpty();
        long answered = jdbc.sql("""
                insert into ticket (subject, requester_id, organization_id, channel, type, priority, impact, status, created_at, updated_at)
                select 'Imported with an answer', requester_id, organization_id, channel, type, priority, impact, 'OPEN', created_at, updated_at
                from ticket where id = ? returning id""").param(ticket).query(Long.class).single();
        jdbc.sql(
                        "insert into message (ticket_id, kind, author_agent_id, body, created_at) values (?, 'PUBLIC', ?, 'On it', ?)")
                .params(answered, agent.id(), java.sql.Timestamp.from(Instant.parse("2026-11-27T16:20:00Z")))
                .update();
        assertThat(backfill.run(false)).isGreaterThanOrEqualTo(2);
        assertThat(clockOf(copy, SlaTarget.FIRST_RESPONSE).dueAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(clockOf(answered, SlaTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.MET);
        assertThat(clockOf(answered, SlaTarget.FIRST_RESPONSE).metAt())
                .isEqualTo(Instant.parse("2026-11-27T16:20:00Z"));
        assertThat(clockOf(answered, SlaTarget.RESOLUTION).state()).isEqualTo(ClockState.RUNNING);
        assertThat(backfill.run(false)).as("nothing left without clocks").isZero();
    }

    @Test
    void movingTheOrganizationToAnotherPlanPutsItsTicketsOnThatPlansTerms() {
        long ticket = open();
        long faster = organizations
                .createPlan(unique("Faster"), "", 0, "MONTH", false)
                .id();
        policies.create(new PolicyForm(
                unique("Faster policy"),
                faster,
                calendar,
                null,
                80,
                List.of(new PolicyTarget(Priority.NORMAL, SlaTarget.FIRST_RESPONSE, 30, TargetUnit.MINUTES, null))));
        organizations.update(organization, new OrganizationForm(null, faster, null, null, null, null));
        assertThat(clockOf(ticket, SlaTarget.FIRST_RESPONSE).dueAt()).isEqualTo(Instant.parse("2026-11-27T16:30:00Z"));
        assertThat(clockOf(ticket, SlaTarget.RESOLUTION).state()).isEqualTo(ClockState.STOPPED);
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "2i2c: a requester's message reopens a resolved ticket and starts a next-response clock")
    void aRequestersMessageOnAResolvedTicketWaitsForAnAnswer() {
        long ticket = open();
        clock.set(Instant.parse("2026-11-30T11:00:00Z"));
        changes.change(
                ticket,
                new TicketChange(
                        null,
                        TicketStatus.RESOLVED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Resolution.WORKAROUND,
                        null),
                agent);
        clock.set(Instant.parse("2026-11-30T15:00:00Z"));
        conversation.post(ticket, new MessageForm("It is back", MessageKind.PUBLIC, "ann@" + domain), agent);
        assertThat(tickets.get(ticket).status()).isEqualTo(TicketStatus.OPEN);
        var next = clockOf(ticket, SlaTarget.NEXT_RESPONSE);
        assertThat(next.state()).isEqualTo(ClockState.RUNNING);
        assertThat(next.startedAt()).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
        assertThat(next.dueAt()).isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));
    }

    @Test
    @org.junit.jupiter.api.DisplayName(
            "dxw: a ticket with the account manager waits on them, its clocks paused like any wait on someone else")
    void outOfScopeWorkWithTheAccountManagerPausesTheClocks() {
        var manager = newAgent(AgentRole.ACCOUNT_MANAGER);
        organizations.update(organization, new OrganizationForm(null, null, null, null, manager.id(), null));
        long ticket = open();
        clock.set(Instant.parse("2026-11-27T16:30:00Z"));
        changes.handToAccountManager(ticket, agent);
        assertThat(tickets.get(ticket).ownerId()).isEqualTo(manager.id());
        assertThat(clockOf(ticket, SlaTarget.FIRST_RESPONSE).state()).isEqualTo(ClockState.PAUSED);
        clock.set(Instant.parse("2026-12-02T12:00:00Z"));
        sweeper.sweep();
        assertThat(events(ticket)).noneMatch(e -> e.startsWith("FIRST_RESPONSE"));
    }
}

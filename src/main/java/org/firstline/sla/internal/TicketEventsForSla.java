package org.firstline.sla.internal;

import java.time.Clock;
import java.util.List;
import org.firstline.directory.AgentService;
import org.firstline.directory.OrganizationPlanChanged;
import org.firstline.sla.SlaTarget;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.MessagePosted;
import org.firstline.ticket.RequesterToldOfAssignment;
import org.firstline.ticket.TicketDetailsChanged;
import org.firstline.ticket.TicketOpened;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a ticket's clocks do when it changes, in the same transaction: a first public reply by an agent meets
 * acknowledgement and first response (notes and Firstline's own messages do not), a customer's message starts a
 * next-response clock, resolving meets resolution and stops the rest, a reopen waits for a new answer, and pending on
 * the customer pauses.
 */
@Component
class TicketEventsForSla {
    private final ClockKeeper keeper;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AgentService agents;

    TicketEventsForSla(ClockKeeper keeper, JdbcClient jdbc, Clock clock, AgentService agents) {
        this.keeper = keeper;
        this.jdbc = jdbc;
        this.clock = clock;
        this.agents = agents;
    }

    @EventListener
    void opened(TicketOpened event) {
        var ticket = event.ticket();
        keeper.opened(new TicketFacts(
                ticket.id(),
                ticket.priority(),
                ticket.status(),
                ticket.pendingReason(),
                ticket.createdAt(),
                event.planId(),
                ticket.critical() && keeper.aroundTheClock(event.planId()),
                ticket.critical()));
    }

    @EventListener
    void told(RequesterToldOfAssignment event) {
        keeper.meet(event.ticketId(), List.of(SlaTarget.ACKNOWLEDGEMENT), clock.instant());
    }

    @EventListener
    void messagePosted(MessagePosted event) {
        if (event.kind() != MessageKind.PUBLIC) return;
        keeper.activity(event.ticketId(), clock.instant());
        if (event.byAgent()) {
            if (byFirstline(event.messageId())) return;
            keeper.meet(
                    event.ticketId(),
                    List.of(SlaTarget.ACKNOWLEDGEMENT, SlaTarget.FIRST_RESPONSE, SlaTarget.NEXT_RESPONSE),
                    clock.instant());
        } else {
            keeper.facts(event.ticketId())
                    .filter(ticket -> !ticket.finished())
                    .ifPresent(ticket -> keeper.awaitAnswer(ticket, clock.instant()));
        }
    }

    @EventListener
    void statusChanged(TicketStatusChanged event) {
        var ticket = keeper.facts(event.ticketId()).orElseThrow();
        boolean finished = event.to() == TicketStatus.RESOLVED || event.to() == TicketStatus.CLOSED;
        boolean wasFinished = event.from() == TicketStatus.RESOLVED || event.from() == TicketStatus.CLOSED;
        if (finished && !wasFinished) {
            keeper.meet(event.ticketId(), List.of(SlaTarget.RESOLUTION), clock.instant());
            keeper.stopRunning(event.ticketId(), clock.instant());
        } else if (wasFinished && !finished) {
            keeper.awaitAnswer(ticket, clock.instant());
        }
        keeper.settle(ticket);
    }

    @EventListener
    void detailsChanged(TicketDetailsChanged event) {
        keeper.facts(event.ticketId()).ifPresent(keeper::settle);
    }

    @EventListener
    void planChanged(OrganizationPlanChanged event) {
        // held until the plan change commits, so a ticket change meanwhile waits and then sees the new plan
        jdbc.sql(
                        "select id from ticket where organization_id = ? and status in ('NEW', 'OPEN', 'PENDING') order by id for update")
                .param(event.organizationId())
                .query(Long.class)
                .list()
                .forEach(id -> keeper.facts(id).ifPresent(keeper::settle));
    }

    private boolean byFirstline(long messageId) {
        long system = agents.system("sla").id();
        return jdbc.sql("select author_agent_id = ? from message where id = ?")
                .params(system, messageId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}

package org.firstline.oncall.internal;

import org.firstline.directory.OrganizationService;
import org.firstline.directory.PlanView;
import org.firstline.oncall.EscalationRequest;
import org.firstline.oncall.Escalations;
import org.firstline.oncall.SubjectKind;
import org.firstline.ticket.TicketAssigned;
import org.firstline.ticket.TicketDetailsChanged;
import org.firstline.ticket.TicketOpened;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketStatusChanged;
import org.firstline.ticket.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * dxw: out of hours, a critical ticket from an organization whose plan has 24/7 cover pages through its team's
 * escalation policy (else the policy with no team) when it becomes critical or gets its team; in hours the desk has
 * it. A ticket pages at most once. Resolving or closing the ticket stops the paging. Paging runs in a savepoint: if it fails, the ticket is still kept.
 */
@Component
class CriticalTicketPager {
    private static final Logger log = LoggerFactory.getLogger(CriticalTicketPager.class);

    private final PolicyStore policies;
    private final OrganizationService organizations;
    private final TicketService tickets;
    private final Escalations escalations;
    private final OnCallHours hours;
    private final TransactionTemplate savepoint;

    CriticalTicketPager(
            PolicyStore policies,
            OrganizationService organizations,
            TicketService tickets,
            Escalations escalations,
            OnCallHours hours,
            PlatformTransactionManager transactions) {
        this.policies = policies;
        this.organizations = organizations;
        this.tickets = tickets;
        this.escalations = escalations;
        this.hours = hours;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @EventListener
    void opened(TicketOpened opened) {
        if (opened.ticket().critical()) consider(opened.ticket());
    }

    @EventListener
    void changed(TicketDetailsChanged changed) {
        if (changed.critical() && (changed.impact() || changed.organization()))
            consider(tickets.get(changed.ticketId()));
    }

    /** Customers' tickets get their team at triage: a critical one pages once it has a team whose policy pages. */
    @EventListener
    void assigned(TicketAssigned assigned) {
        if (assigned.teamId() != null && !assigned.teamId().equals(assigned.previousTeamId())) {
            var ticket = tickets.get(assigned.ticketId());
            if (ticket.critical()) consider(ticket);
        }
    }

    @EventListener
    void statusChanged(TicketStatusChanged changed) {
        if (changed.to() == TicketStatus.RESOLVED || changed.to() == TicketStatus.CLOSED) {
            escalations.subjectResolved(SubjectKind.TICKET, changed.ticketId());
        }
    }

    private void consider(TicketView ticket) {
        if (ticket.organizationId() == null
                || ticket.internal()
                || ticket.status() == TicketStatus.RESOLVED
                || ticket.status() == TicketStatus.CLOSED) return;
        // once per ticket: an escalation somebody resolved is not started again by a later edit
        if (escalations.everFor(SubjectKind.TICKET, ticket.id())) return;
        boolean roundTheClock = organizations
                .find(ticket.organizationId())
                .flatMap(
                        o -> o.planId() == null ? java.util.Optional.<PlanView>empty() : organizations.plan(o.planId()))
                .map(PlanView::aroundTheClock)
                .orElse(false);
        if (!roundTheClock) return;
        var policy = policies.forTeam(ticket.teamId());
        if (policy.isEmpty() || hours.inHoursNow(policy.get().calendarId())) return;
        try {
            savepoint.executeWithoutResult(s -> escalations.start(new EscalationRequest(
                    SubjectKind.TICKET,
                    ticket.id(),
                    policy.get().id(),
                    "Critical ticket #" + ticket.number() + ": " + ticket.subject(),
                    true)));
        } catch (RuntimeException e) {
            log.error("Could not page for critical ticket #{}; it is kept and on the desk", ticket.number(), e);
        }
    }
}

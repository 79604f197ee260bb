package org.firstline.triage;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.firstline.directory.AgentResponsibilities;
import org.firstline.directory.AgentService;
import org.firstline.directory.AgentView;
import org.firstline.directory.Designation;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 2i2c's rule: a critical ticket nobody on its team can take goes to the engineering manager, who secures people for
 * it. One action: a note on the ticket says who was asked and why, and the managers get a mail.
 */
@Service
public class EngineeringManagerHandover {
    static final int REASON_LIMIT = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TicketService tickets;
    private final ConversationService conversation;
    private final AgentResponsibilities responsibilities;
    private final AgentService agents;
    private final ApplicationEventPublisher events;

    EngineeringManagerHandover(
            JdbcClient jdbc,
            Clock clock,
            TicketService tickets,
            ConversationService conversation,
            AgentResponsibilities responsibilities,
            AgentService agents,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tickets = tickets;
        this.conversation = conversation;
        this.responsibilities = responsibilities;
        this.agents = agents;
        this.events = events;
    }

    @Transactional
    public EngineeringManagerRequest ask(long ticketId, @Nullable String reason, AgentPrincipal actor) {
        if (!actor.role().canWrite()) throw new AccessDeniedException("Read-only agents cannot hand tickets over.");
        String why = reason == null || reason.isBlank() ? "nobody on the team can take it" : reason.strip();
        if (why.length() > REASON_LIMIT) {
            throw new InvalidRequestException("reason", "must be at most " + REASON_LIMIT + " characters");
        }
        var ticket = tickets.get(ticketId);
        if (!ticket.critical()) {
            throw new ConflictException("Ticket #" + ticket.number()
                    + " is not critical: only critical tickets go to the engineering manager.");
        }
        if (ticket.status() == TicketStatus.RESOLVED || ticket.status() == TicketStatus.CLOSED) {
            throw new ConflictException("Ticket #" + ticket.number() + " is already " + ticket.status() + ".");
        }
        List<AgentView> managers = responsibilities.holders(Designation.ENGINEERING_MANAGER);
        if (managers.isEmpty()) {
            throw new ConflictException(
                    "Nobody is the engineering manager yet: an admin names them under Admin → People.");
        }
        String names =
                String.join(", ", managers.stream().map(AgentView::displayName).toList());
        conversation.post(
                ticketId,
                new MessageForm(
                        "Handed to the engineering manager (" + names + ") to find people for this critical ticket: "
                                + why,
                        MessageKind.NOTE,
                        null),
                actor);
        long id = jdbc.sql("""
                        insert into engineering_manager_request (ticket_id, asked_by, manager_ids, reason, asked_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(
                        ticketId,
                        actor.id(),
                        managers.stream().map(AgentView::id).toArray(Long[]::new),
                        why,
                        Timestamp.from(clock.instant()))
                .query((rs, n) -> rs.getLong(1))
                .single();
        events.publishEvent(new EngineeringManagerAsked(
                id,
                ticketId,
                ticket.number(),
                ticket.subject(),
                managers.stream().map(AgentView::id).toList(),
                agents.get(actor.id()).displayName(),
                why));
        return latest(ticketId).orElseThrow();
    }

    /** The newest hand-over of a ticket, if it was ever handed over. */
    public Optional<EngineeringManagerRequest> latest(long ticketId) {
        return jdbc.sql("""
                        select id, manager_ids, asked_by, reason, asked_at from engineering_manager_request
                        where ticket_id = ? order by id desc limit 1""")
                .param(ticketId)
                .query((rs, n) -> {
                    var people = new java.util.ArrayList<EngineeringManagerRequest.Person>();
                    var withoutEmail = new java.util.ArrayList<String>();
                    for (Long managerId : (Long[]) rs.getArray("manager_ids").getArray()) {
                        agents.find(managerId).ifPresent(m -> {
                            people.add(new EngineeringManagerRequest.Person(m.id(), m.displayName()));
                            if (m.email() == null || m.email().isBlank()) withoutEmail.add(m.displayName());
                        });
                    }
                    return new EngineeringManagerRequest(
                            rs.getLong("id"),
                            ticketId,
                            List.copyOf(people),
                            List.copyOf(withoutEmail),
                            rs.getLong("asked_by"),
                            rs.getString("reason"),
                            rs.getTimestamp("asked_at").toInstant());
                })
                .optional();
    }

    /** Whom to ask how a change request ranks (2i2c: the project manager). */
    public List<AgentView> projectManagers() {
        return responsibilities.holders(Designation.PROJECT_MANAGER);
    }
}

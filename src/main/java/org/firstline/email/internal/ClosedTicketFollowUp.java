package org.firstline.email.internal;

import java.util.Objects;
import java.util.Optional;
import org.firstline.email.internal.InboundMailFiler.Filed;
import org.firstline.ticket.LinkForm;
import org.firstline.ticket.LinkKind;
import org.firstline.ticket.LinkService;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketView;
import org.springframework.stereotype.Component;

/** A reply to a closed ticket does not reopen it: it opens a follow-up ticket, linked to the closed one. */
@Component
class ClosedTicketFollowUp implements IntakeFilter {
    private final TicketOpening opening;
    private final LinkService links;

    ClosedTicketFollowUp(TicketOpening opening, LinkService links) {
        this.opening = opening;
        this.links = links;
    }

    @Override
    public Optional<Filed> apply(Intake intake) {
        Optional<TicketView> closed = intake.thread().filter(ticket -> ticket.status() == TicketStatus.CLOSED);
        if (closed.isEmpty()) {
            return Optional.empty();
        }
        Filed followUp = opening.open(intake);
        links.add(
                Objects.requireNonNull(followUp.ticketId(), "a new ticket"),
                new LinkForm(LinkKind.RELATED, closed.get().id(), null, false),
                intake.system());
        return Optional.of(followUp);
    }
}

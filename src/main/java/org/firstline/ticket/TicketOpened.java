package org.firstline.ticket;

import org.jspecify.annotations.Nullable;

/**
 * Published in the transaction that created the ticket, with the ticket as inserted and its organization's support
 * plan: whoever acts on a new ticket (its clocks, its suggestions) need not read it back.
 */
public record TicketOpened(TicketView ticket, @Nullable Long planId) {
    public long ticketId() {
        return ticket.id();
    }

    public long number() {
        return ticket.number();
    }

    public @Nullable Long organizationId() {
        return ticket.organizationId();
    }

    public Channel channel() {
        return ticket.channel();
    }
}

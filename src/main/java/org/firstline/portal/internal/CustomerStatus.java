package org.firstline.portal.internal;

import org.firstline.ticket.PendingReason;
import org.firstline.ticket.TicketStatus;
import org.jspecify.annotations.Nullable;

/** A ticket's status in the customer's words: whose turn it is, not how the desk files it. */
public enum CustomerStatus {
    OPEN("With support"),
    WAITING_ON_YOU("Waiting on you"),
    AWAITING_APPROVAL("Waiting for a representative's approval"),
    IN_PROGRESS("In progress"),
    RESOLVED("Resolved: is it fixed?"),
    CLOSED("Closed");

    private final String label;

    CustomerStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static CustomerStatus of(TicketStatus status, @Nullable PendingReason reason) {
        return switch (status) {
            case NEW, OPEN -> OPEN;
            case PENDING ->
                reason == PendingReason.CUSTOMER
                        ? WAITING_ON_YOU
                        : reason == PendingReason.REPRESENTATIVE_APPROVAL ? AWAITING_APPROVAL : IN_PROGRESS;
            case RESOLVED -> RESOLVED;
            case CLOSED -> CLOSED;
        };
    }
}

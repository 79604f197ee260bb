package org.firstline.email.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A message to send, as queued in the outbox; a reply without a mailbox (null) waits until one can send it. */
public record OutboundMail(
        @Nullable Long mailboxId,
        @Nullable Long ticketId,
        @Nullable Long ticketMessageId,
        Kind kind,
        List<String> recipients,
        List<String> cc,
        String subject,
        String body) {

    /**
     * Why Firstline writes: an agent's reply, the acknowledgement of a new ticket, the approval exchange, telling the
     * requester who has the ticket, alerting the assignee of a high-priority one, asking the requester to confirm a
     * resolution, handing out-of-scope work to the account manager, or asking the sender of the public form to confirm it.
     */
    public enum Kind {
        REPLY,
        ACKNOWLEDGEMENT,
        APPROVAL_REQUEST,
        APPROVAL_REJECTED,
        ASSIGNMENT,
        ASSIGNEE_ALERT,
        SLA_ALERT,
        RESOLUTION,
        LEAD,
        STATUS_SUBSCRIPTION,
        FORM_CONFIRMATION,
        INCIDENT_UPDATE,
        INCIDENT_REMINDER,
        PORTAL_SIGN_IN,
        ENGINEERING_MANAGER,
        PAGE,
        ROTA_CHANGE
    }
}

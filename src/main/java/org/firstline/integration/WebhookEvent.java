package org.firstline.integration;

/** What a webhook can subscribe to. */
public enum WebhookEvent {
    TICKET_OPENED("ticket.opened"),
    TICKET_ASSIGNED("ticket.assigned"),
    TICKET_STATUS_CHANGED("ticket.status_changed"),
    MESSAGE_POSTED("message.posted"),
    SLA_AT_RISK("sla.at_risk"),
    SLA_BREACHED("sla.breached");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    /** The name in payloads and in the X-Firstline-Event header. */
    public String wireName() {
        return wireName;
    }
}

package org.firstline.ticket.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Why a change was made, where the columns cannot say it (a reopen because the requester replied, a closing for want
 * of an answer): one more audit trail row beside the ones the triggers write, with the same actor and time.
 */
public final class TicketAuditReasons {
    private TicketAuditReasons() {}

    public static void record(JdbcClient jdbc, long ticketId, String field, String reason) {
        jdbc.sql("""
                insert into audit_entry (ticket_id, entity, entity_id, action, field, after, actor, at)
                values (?, 'ticket', ?, 'reason', ?, ?, audit_actor(), audit_at())""").params(ticketId, ticketId, field, reason).update();
    }
}

package org.firstline.email.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.firstline.ticket.ReplyMail;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which public replies of a ticket are still in the outbox and why. A reply queued a moment ago with a mailbox to send
 * it is not listed: it leaves within seconds. One waiting for a mailbox, retrying, or given up is.
 */
@Component
class UnsentReplies implements ReplyMail {
    private final JdbcClient jdbc;

    UnsentReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> unsent(long ticketId) {
        var unsent = new LinkedHashMap<Long, String>();
        jdbc.sql("""
                select o.ticket_message_id, o.status, o.attempts, o.last_error,
                       o.mailbox_id is null and not exists (select 1 from mailbox where smtp_host is not null and enabled) as no_mailbox
                from outbound_email o
                where o.ticket_id = ? and o.kind = 'REPLY' and o.ticket_message_id is not null and o.status <> 'SENT'
                order by o.id""").param(ticketId).query(rs -> {
            String why = why(
                    rs.getString("status"),
                    rs.getInt("attempts"),
                    rs.getString("last_error"),
                    rs.getBoolean("no_mailbox"));
            if (why != null) unsent.put(rs.getLong("ticket_message_id"), why);
        });
        return unsent;
    }

    @Override
    public java.util.Optional<String> unsentResolution(long ticketId) {
        return jdbc.sql("""
                        select o.status, o.attempts, o.last_error,
                               o.mailbox_id is null and not exists (select 1 from mailbox where smtp_host is not null and enabled) as no_mailbox
                        from outbound_email o
                        where o.ticket_id = ? and o.kind = 'RESOLUTION' and o.status <> 'SENT'
                        order by o.id desc limit 1""")
                .param(ticketId)
                .query((rs, n) -> java.util.Optional.ofNullable(why(
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getBoolean("no_mailbox"))))
                .optional()
                .flatMap(why -> why)
                .map(why -> "The resolution mail to the requester: " + Character.toLowerCase(why.charAt(0))
                        + why.substring(1) + ".");
    }

    private static @Nullable String why(String status, int attempts, String lastError, boolean noMailbox) {
        if (noMailbox) return "Not sent yet: no mailbox is set up to send it; it goes out when an admin adds one";
        if ("FAILED".equals(status)) return "Not sent: given up after " + attempts + " attempts (" + lastError + ")";
        if (attempts > 0) return "Not sent yet: " + lastError + "; Firstline tries again";
        return null;
    }
}

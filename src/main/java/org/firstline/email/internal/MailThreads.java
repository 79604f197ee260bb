package org.firstline.email.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ticket a message continues: by the Message-IDs it refers to, then by the ticket number in its subject. */
@Component
class MailThreads {
    private final JdbcClient jdbc;
    private final TicketService tickets;

    MailThreads(JdbcClient jdbc, TicketService tickets) {
        this.jdbc = jdbc;
        this.tickets = tickets;
    }

    Optional<TicketView> of(ParsedMail mail) {
        if (!mail.threadIds().isEmpty()) {
            String[] ids = mail.threadIds().toArray(String[]::new);
            Optional<Long> byHeader =
                    jdbc.sql("""
                    select ticket_id from outbound_email where message_id = any(:ids) and ticket_id is not null
                      and kind in ('REPLY', 'ACKNOWLEDGEMENT', 'APPROVAL_REJECTED', 'ASSIGNMENT', 'RESOLUTION')
                    union all
                    select ticket_id from inbound_email where message_id = any(:ids) and ticket_id is not null
                    limit 1""").param("ids", ids).query(Long.class).optional();
            if (byHeader.isPresent()) {
                return tickets.find(byHeader.get());
            }
        }
        Matcher token = MailText.TICKET_TOKEN.matcher(mail.subject());
        if (token.find()) {
            Optional<TicketView> ticket = tickets.byNumber(Long.parseLong(token.group(1)));
            if (ticket.isPresent() && mayReplyTo(ticket.get(), mail.fromAddress())) {
                return ticket;
            }
        }
        return Optional.empty();
    }

    /**
     * A ticket number alone is easy to guess: it threads only mail from the requester, someone in cc, a colleague in
     * the ticket's organization, or an agent.
     */
    private boolean mayReplyTo(TicketView ticket, String sender) {
        return jdbc.sql("""
                select exists (select 1 from contact_email e where e.email = :sender and e.contact_id = :requester)
                    or exists (select 1 from ticket_watcher w where w.ticket_id = :ticket and w.email = :sender)
                    or exists (select 1 from contact_email e join contact_organization co on co.contact_id = e.contact_id
                               where e.email = :sender and co.organization_id = :organization)
                    or exists (select 1 from agent a where lower(a.email) = :sender and a.active)""")
                .param("sender", sender)
                .param("requester", ticket.requesterId())
                .param("ticket", ticket.id())
                .param("organization", ticket.organizationId() == null ? -1L : ticket.organizationId())
                .query(Boolean.class)
                .single();
    }
}

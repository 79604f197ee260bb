package org.firstline.email.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firstline.directory.AgentService;
import org.firstline.directory.ContactService;
import org.firstline.directory.ContactView;
import org.firstline.email.MailboxView;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.FirstlineSettings;
import org.firstline.platform.LinkTokens;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.Resolution;
import org.firstline.ticket.TicketChange;
import org.firstline.ticket.TicketChanges;
import org.firstline.ticket.TicketHeldForApproval;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tickets held until a representative of the requester's organization approves them (the ticket service holds them,
 * whatever the channel: mail, API or the agents' form). Each representative gets a
 * request with links that carry a random token (only its hash is stored); the first decision, by link or by replying
 * "approve" / "reject", settles it: approval sends the ticket to triage, rejection closes it and tells the requester.
 */
@Component
public class Approvals {
    public enum Decision {
        APPROVED,
        REJECTED
    }

    /** A pending request as its link shows it. */
    public record Pending(
            long id,
            long ticketId,
            long ticketNumber,
            String subject,
            String representative,
            String request,
            @Nullable Decision decision) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final FirstlineSettings settings;
    private final ContactService contacts;
    private final TicketService tickets;
    private final TicketChanges changes;
    private final ConversationService conversation;
    private final AgentService agents;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final MailboxStore mailboxes;

    Approvals(
            JdbcClient jdbc,
            Clock clock,
            FirstlineSettings settings,
            ContactService contacts,
            TicketService tickets,
            TicketChanges changes,
            ConversationService conversation,
            AgentService agents,
            MailTemplates templates,
            Outbox outbox,
            MailboxStore mailboxes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.contacts = contacts;
        this.tickets = tickets;
        this.changes = changes;
        this.conversation = conversation;
        this.agents = agents;
        this.templates = templates;
        this.outbox = outbox;
        this.mailboxes = mailboxes;
    }

    /**
     * Asks every representative of the organizations the ticket is held for, in the transaction that opened it. The
     * request goes out from the mailbox the ticket came in at, chosen when it is sent (by then the mail that opened it
     * is filed with it), else from the first that can send.
     */
    @EventListener
    void on(TicketHeldForApproval held) {
        AgentPrincipal system = agents.system("email");
        TicketView ticket = tickets.get(held.ticketId());
        ContactView requester = contacts.get(held.requesterId());
        String request = conversation.body(firstMessage(ticket.id()));
        String quoted = request.length() > 4000 ? request.substring(0, 4000) + "…" : request;
        String mailboxName =
                mailboxes.senderFor(ticket.id()).map(MailboxView::name).orElse("Support");
        Map<Long, Long> asked = new LinkedHashMap<>();
        List<ContactView> representatives = new ArrayList<>();
        for (long organizationId : held.organizationIds()) {
            for (ContactView representative : contacts.representatives(organizationId)) {
                if (asked.putIfAbsent(representative.id(), organizationId) == null
                        && representative.primaryEmail() != null) {
                    representatives.add(representative);
                }
            }
        }
        for (ContactView representative : representatives) {
            String token = LinkTokens.token();
            String link = settings.publicUrl().replaceAll("/+$", "") + "/approvals/" + token;
            var rendered = templates.render(
                    MailTemplates.Key.APPROVAL_REQUEST,
                    Map.of(
                            "representative.name", representative.name(),
                            "requester.name", requester.name(),
                            "requester.email", String.valueOf(requester.primaryEmail()),
                            "ticket.subject", ticket.subject(),
                            "ticket.number", String.valueOf(ticket.number()),
                            "ticket.request", quoted.replace("\n", "\n> "),
                            "approve.url", link + "?decision=approve",
                            "reject.url", link + "?decision=reject",
                            "mailbox.name", mailboxName));
            long outboundId = outbox.enqueue(
                    new OutboundMail(
                            null,
                            ticket.id(),
                            null,
                            OutboundMail.Kind.APPROVAL_REQUEST,
                            List.of(representative.primaryEmail()),
                            List.of(),
                            "[#" + ticket.number() + "] " + rendered.subject(),
                            rendered.body()),
                    null);
            jdbc.sql("""
                    insert into approval_request (ticket_id, contact_id, organization_id, email, token_hash, outbound_email_id, created_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            ticket.id(),
                            representative.id(),
                            asked.get(representative.id()),
                            representative.primaryEmail(),
                            LinkTokens.hash(token),
                            outboundId,
                            Timestamp.from(clock.instant()))
                    .update();
        }
        String who = held.organizationIds().size() > 1
                ? "the requester is in several organizations and a representative of none of them"
                : "the requester is not a representative of the organization";
        String note = representatives.isEmpty()
                ? "Held for approval: " + who + ", and there are no representatives to ask. Approve or reject it here."
                : "Held for approval: " + who + ". Asked "
                        + String.join(
                                ", ",
                                representatives.stream()
                                        .map(c -> c.name() + " <" + c.primaryEmail() + ">")
                                        .toList())
                        + ".";
        conversation.post(ticket.id(), new MessageForm(note, MessageKind.NOTE, null), system);
    }

    private long firstMessage(long ticketId) {
        return jdbc.sql("select id from message where ticket_id = ? order by created_at, id limit 1")
                .param(ticketId)
                .query(Long.class)
                .single();
    }

    public Optional<Pending> byToken(String token) {
        return jdbc.sql("""
                select a.id, a.ticket_id, t.number, t.subject, c.name, a.decision,
                       (select m.body from message m where m.ticket_id = t.id order by m.created_at, m.id limit 1) as request
                from approval_request a join ticket t on t.id = a.ticket_id join contact c on c.id = a.contact_id
                where a.token_hash = ?""")
                .param(LinkTokens.hash(token))
                .query((rs, n) -> new Pending(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString("request"),
                        rs.getString("decision") == null ? null : Decision.valueOf(rs.getString("decision"))))
                .optional();
    }

    /** The request an inbound reply answers, when it answers one. */
    Optional<Long> requestAnsweredBy(List<String> threadIds) {
        if (threadIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select a.id from approval_request a join outbound_email o on o.id = a.outbound_email_id
                where o.message_id = any(?) order by a.id limit 1""")
                .param(threadIds.toArray(String[]::new))
                .query(Long.class)
                .optional();
    }

    /**
     * Settles the ticket's approval. Returns false when it was already settled (or the ticket no longer waits on it),
     * in which case nothing changes.
     */
    @org.springframework.transaction.annotation.Transactional
    public boolean decide(long requestId, Decision decision) {
        var row = jdbc.sql("""
                select a.ticket_id, c.name, a.organization_id from approval_request a join contact c on c.id = a.contact_id where a.id = ?""")
                .param(requestId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class)})
                .single();
        long ticketId = (Long) row[0];
        String representative = (String) row[1];
        Long organizationId = (Long) row[2];
        AgentPrincipal system = agents.system("email");
        // settling every request of the ticket at once is the gate: a second decision finds nothing left to settle
        int settled = jdbc.sql(
                        "update approval_request set decision = ?, decided_at = ? where ticket_id = ? and decision is null")
                .params(decision.name(), Timestamp.from(clock.instant()), ticketId)
                .update();
        TicketView ticket = tickets.get(ticketId);
        if (settled == 0
                || ticket.status() != TicketStatus.PENDING
                || ticket.pendingReason() != PendingReason.REPRESENTATIVE_APPROVAL) {
            return false;
        }
        if (decision == Decision.APPROVED) {
            conversation.post(
                    ticketId,
                    new MessageForm(
                            "Approved by " + representative + ": the ticket goes to triage.", MessageKind.NOTE, null),
                    system);
            // a ticket held for several organizations belongs to the one whose representative approved it
            boolean file = ticket.organizationId() == null && organizationId != null;
            changes.change(
                    ticketId,
                    new TicketChange(
                            null,
                            TicketStatus.OPEN,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            file ? Optional.of(organizationId) : null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            file),
                    system);
        } else {
            conversation.post(
                    ticketId,
                    new MessageForm(
                            "Rejected by " + representative + ": the requester has been told.", MessageKind.NOTE, null),
                    system);
            tellRequester(ticket);
            changes.change(ticketId, statusChange(TicketStatus.CLOSED, null, Resolution.OUT_OF_SCOPE), system);
        }
        return true;
    }

    private void tellRequester(TicketView ticket) {
        var requester = contacts.get(ticket.requesterId());
        var mailbox = mailboxes.senderFor(ticket.id());
        if (mailbox.isEmpty()) {
            return;
        }
        var rendered = templates.render(
                MailTemplates.Key.APPROVAL_REJECTED,
                Map.of(
                        "requester.name",
                        requester.name(),
                        "ticket.subject",
                        ticket.subject(),
                        "ticket.number",
                        String.valueOf(ticket.number()),
                        "mailbox.name",
                        mailbox.get().name()));
        outbox.enqueue(
                new OutboundMail(
                        mailbox.get().id(),
                        ticket.id(),
                        null,
                        OutboundMail.Kind.APPROVAL_REJECTED,
                        List.of(requester.primaryEmail()),
                        List.of(),
                        "[#" + ticket.number() + "] Re: " + rendered.subject(),
                        rendered.body()),
                mailbox.get().address());
    }

    /** "approve" or "reject" as the first word of a reply, else nothing. */
    static Optional<Decision> decisionIn(String reply) {
        for (String line : reply.split("\n")) {
            String word = line.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z].*$", "");
            if (line.isBlank()) {
                continue;
            }
            return switch (word) {
                case "approve", "approved", "yes" -> Optional.of(Decision.APPROVED);
                case "reject", "rejected", "no" -> Optional.of(Decision.REJECTED);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    boolean isRepresentativeFor(long requestId, String sender) {
        return jdbc.sql("""
                select count(*) from approval_request a
                join ticket t on t.id = a.ticket_id
                join contact_email e on e.email = ?
                join contact_organization co on co.contact_id = e.contact_id and co.representative
                     and co.organization_id = coalesce(a.organization_id, t.organization_id)
                where a.id = ?""").params(sender, requestId).query(Integer.class).single() > 0;
    }

    long ticketOf(long requestId) {
        return jdbc.sql("select ticket_id from approval_request where id = ?")
                .param(requestId)
                .query(Long.class)
                .single();
    }

    static TicketChange statusChange(
            TicketStatus status, @Nullable PendingReason reason, @Nullable Resolution resolution) {
        return TicketChange.toStatus(status, reason, resolution, null);
    }
}

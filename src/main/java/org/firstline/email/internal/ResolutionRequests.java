package org.firstline.email.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.firstline.directory.AgentService;
import org.firstline.platform.LinkTokens;
import org.firstline.survey.SatisfactionSurveys;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.TicketChanges;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requester's answer to a resolution mail (2i2c: "confirm with them"). Each mail's links carry a random token of
 * which only the hash is kept. A link counts once, and only while its mail is the newest of a still resolved ticket:
 * after a reopen, and after resolving again (which mails anew), older links say they are no longer valid.
 */
@Component
public class ResolutionRequests {
    public enum Decision {
        CONFIRMED,
        NOT_FIXED
    }

    /**
     * A request as its link shows it; {@code valid} while its answer would still count, {@code newest} while no later
     * resolution mail went to the ticket.
     */
    public record Pending(
            long id,
            long ticketId,
            long ticketNumber,
            String subject,
            long requesterId,
            @Nullable Decision decision,
            boolean valid,
            boolean newest) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TicketChanges changes;
    private final ConversationService conversation;
    private final AgentService agents;
    private final SatisfactionSurveys surveys;

    ResolutionRequests(
            JdbcClient jdbc,
            Clock clock,
            TicketChanges changes,
            ConversationService conversation,
            AgentService agents,
            SatisfactionSurveys surveys) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.changes = changes;
        this.conversation = conversation;
        this.agents = agents;
        this.surveys = surveys;
    }

    /**
     * A resolution mail not sent yet is withdrawn once the ticket leaves RESOLVED or is resolved again: its links no
     * longer work, and the requester must not get several "resolved" mails when a mailbox appears.
     */
    /** The newest request of the ticket: the only one whose answer still counts. */
    public Optional<Long> newest(long ticketId) {
        return jdbc.sql("select id from resolution_request where ticket_id = ? order by id desc limit 1")
                .param(ticketId)
                .query(Long.class)
                .optional();
    }

    /**
     * Withdraws the unsent resolution mail. Its survey goes with it when the ticket is reopened before anyone was
     * asked; when it is closed, or the requester answered the resolution already (in the portal), they may still rate
     * it there.
     */
    void withdrawUnsent(long ticketId, boolean keepSurvey) {
        jdbc.sql("""
                        update resolution_request set outbound_email_id = null where outbound_email_id in
                            (select id from outbound_email where ticket_id = ? and kind = 'RESOLUTION' and status = 'QUEUED')""").param(ticketId).update();
        int withdrawn = jdbc.sql(
                        "delete from outbound_email where ticket_id = ? and kind = 'RESOLUTION' and status = 'QUEUED'")
                .param(ticketId)
                .update();
        // a requester who answered the resolution (in the portal, before the mail left) may still rate it there
        boolean answered = jdbc.sql("""
                        select exists (select 1 from resolution_request r where r.ticket_id = ? and r.decision is not null
                          and r.id = (select max(n.id) from resolution_request n where n.ticket_id = r.ticket_id))""").param(ticketId).query(Boolean.class).single();
        if (withdrawn > 0 && !keepSurvey && !answered) {
            // its survey asked nobody
            surveys.withdrawUnanswered(ticketId);
        }
    }

    void record(long ticketId, String token, long outboundId) {
        jdbc.sql(
                        "insert into resolution_request (ticket_id, token_hash, outbound_email_id, created_at) values (?, ?, ?, ?)")
                .params(ticketId, LinkTokens.hash(token), outboundId, Timestamp.from(clock.instant()))
                .update();
    }

    public Optional<Pending> byToken(String token) {
        return jdbc.sql("""
                select r.id, r.ticket_id, t.number, t.subject, t.requester_id, r.decision,
                       r.decision is null and t.status = 'RESOLVED'
                       and r.id = (select max(n.id) from resolution_request n where n.ticket_id = r.ticket_id) as valid,
                       r.id = (select max(n.id) from resolution_request n where n.ticket_id = r.ticket_id) as newest
                from resolution_request r join ticket t on t.id = r.ticket_id
                where r.token_hash = ?""")
                .param(LinkTokens.hash(token))
                .query((rs, n) -> new Pending(
                        rs.getLong("id"),
                        rs.getLong("ticket_id"),
                        rs.getLong("number"),
                        rs.getString("subject"),
                        rs.getLong("requester_id"),
                        rs.getString("decision") == null ? null : Decision.valueOf(rs.getString("decision")),
                        rs.getBoolean("valid"),
                        rs.getBoolean("newest")))
                .optional();
    }

    /**
     * Settles the request: confirmed closes the ticket, not fixed sends it back to triage. False, with nothing changed,
     * when it was answered already or no longer counts.
     */
    @Transactional
    public boolean decide(long requestId, Decision decision) {
        return decide(requestId, decision, "with the link in the resolution mail");
    }

    /** As {@link #decide(long, Decision)}, saying in the ticket's note how the requester answered. */
    @Transactional
    public boolean decide(long requestId, Decision decision, String how) {
        Long ticketId = jdbc.sql("select ticket_id from resolution_request where id = ?")
                .param(requestId)
                .query(Long.class)
                .single();
        // the ticket's row first, as every ticket change takes it: a reply reopening it meanwhile waits, or wins
        jdbc.sql("select id from ticket where id = ? for update")
                .param(ticketId)
                .query(Long.class)
                .single();
        int settled = jdbc.sql("""
                update resolution_request r set decision = ?, decided_at = ?
                where r.id = ? and r.decision is null
                  and r.id = (select max(n.id) from resolution_request n where n.ticket_id = r.ticket_id)
                  and exists (select 1 from ticket t where t.id = r.ticket_id and t.status = 'RESOLVED')""")
                .params(decision.name(), Timestamp.from(clock.instant()), requestId)
                .update();
        if (settled == 0) {
            return false;
        }
        var system = agents.system("email");
        if (decision == Decision.CONFIRMED) {
            conversation.post(
                    ticketId,
                    new MessageForm("The requester confirmed the fix " + how + ".", MessageKind.NOTE, null),
                    system);
            changes.confirmResolution(ticketId, system);
        } else {
            conversation.post(
                    ticketId,
                    new MessageForm(
                            "The requester says it is not fixed, " + how + ": back to triage.", MessageKind.NOTE, null),
                    system);
            changes.rejectResolution(ticketId, system);
        }
        return true;
    }
}

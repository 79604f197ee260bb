package org.firstline.email;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.firstline.email.internal.Approvals;
import org.firstline.email.internal.ResolutionRequests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in customer answers in the portal, with the same outcomes as the links in the mail: confirming a
 * resolution or saying it is not fixed, and a representative's approval of a held request. The caller has checked
 * who the customer is and what they may see; these only settle what still waits on an answer.
 */
@Service
public class CustomerAnswers {
    /** A request held for a representative of {@code organizationId}, as the approval mail shows it. */
    public record HeldRequest(
            long ticketId,
            long ticketNumber,
            String subject,
            String requesterName,
            String request,
            long organizationId,
            Instant heldAt) {}

    private final JdbcClient jdbc;
    private final ResolutionRequests resolutions;
    private final Approvals approvals;

    CustomerAnswers(JdbcClient jdbc, ResolutionRequests resolutions, Approvals approvals) {
        this.jdbc = jdbc;
        this.resolutions = resolutions;
        this.approvals = approvals;
    }

    /** True when the answer counted: the ticket was resolved and waiting on its requester's word. */
    @Transactional
    public boolean answerResolution(long ticketId, boolean fixed) {
        return resolutions
                .newest(ticketId)
                .map(id -> resolutions.decide(
                        id,
                        fixed ? ResolutionRequests.Decision.CONFIRMED : ResolutionRequests.Decision.NOT_FIXED,
                        "in the customer portal"))
                .orElse(false);
    }

    /** Requests still waiting on a representative of any of these organizations, oldest first. */
    public List<HeldRequest> heldFor(Collection<Long> organizationIds) {
        if (organizationIds.isEmpty()) return List.of();
        return jdbc
                .sql("""
                select distinct on (t.id) t.id, t.number, t.subject, c.name as requester, a.organization_id, a.created_at,
                       (select m.body from message m where m.ticket_id = t.id order by m.created_at, m.id limit 1) as request
                from approval_request a join ticket t on t.id = a.ticket_id join contact c on c.id = t.requester_id
                where a.organization_id = any(?) and a.decision is null
                  and t.status = 'PENDING' and t.pending_reason = 'REPRESENTATIVE_APPROVAL'
                order by t.id, a.id""")
                .param(organizationIds.toArray(Long[]::new))
                .query((rs, n) -> new HeldRequest(
                        rs.getLong("id"),
                        rs.getLong("number"),
                        rs.getString("subject"),
                        rs.getString("requester"),
                        rs.getString("request"),
                        rs.getLong("organization_id"),
                        rs.getTimestamp("created_at").toInstant()))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(HeldRequest::heldAt))
                .toList();
    }

    /**
     * Settles a held request as the representative {@code contactId} of one of {@code organizationIds}. False when it
     * was not held for any of them or has been settled already.
     */
    @Transactional
    public boolean decideApproval(long ticketId, long contactId, Collection<Long> organizationIds, boolean approve) {
        if (organizationIds.isEmpty()) return false;
        return jdbc.sql("""
                        select id from approval_request
                        where ticket_id = ? and organization_id = any(?) and decision is null
                        order by (contact_id = ?) desc, id limit 1""")
                .params(ticketId, organizationIds.toArray(Long[]::new), contactId)
                .query(Long.class)
                .optional()
                .map(id -> approvals.decide(id, approve ? Approvals.Decision.APPROVED : Approvals.Decision.REJECTED))
                .orElse(false);
    }
}

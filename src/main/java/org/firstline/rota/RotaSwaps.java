package org.firstline.rota;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.rota.internal.RotaChanges;
import org.firstline.rota.internal.RotaReferences;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Swaps: a person offers one of their shifts for another person's shift of the same role; the other accepts; then
 * both delivery leads approve (an admin stands in for a person who has none). Only then do the shifts change, as a
 * pair of replacements. Every step is in the audit trail.
 */
@Service
public class RotaSwaps {
    private final JdbcClient jdbc;
    private final Rotations rotations;
    private final RotaOverrides overrides;
    private final RotaReferences refs;
    private final RotaChanges changes;

    RotaSwaps(JdbcClient jdbc, Rotations rotations, RotaOverrides overrides, RotaReferences refs, RotaChanges changes) {
        this.jdbc = jdbc;
        this.rotations = rotations;
        this.overrides = overrides;
        this.refs = refs;
        this.changes = changes;
    }

    private record Shift(
            long id,
            long rotationId,
            String role,
            java.time.Instant startsAt,
            java.time.Instant endsAt,
            @Nullable Long agentId) {}

    @Transactional
    public Notice<SwapView> propose(long shiftId, @Nullable Long otherShiftId, AgentPrincipal proposer) {
        Shift mine = shift("shiftId", shiftId);
        if (otherShiftId == null) throw new InvalidRequestException("otherShiftId", "is required");
        Shift theirs = shift("otherShiftId", otherShiftId);
        if (!Objects.equals(mine.agentId(), proposer.id())) {
            throw new InvalidRequestException("shiftId", "is not one of your shifts");
        }
        if (theirs.rotationId() != mine.rotationId() || !theirs.role().equals(mine.role())) {
            throw new InvalidRequestException("otherShiftId", "is not a shift of the same rota and role");
        }
        Long other = theirs.agentId();
        if (other == null || other == proposer.id()) {
            throw new InvalidRequestException("otherShiftId", "has nobody else to swap with");
        }
        var now = refs.now();
        if (!mine.startsAt().isAfter(now) || !theirs.startsAt().isAfter(now)) {
            throw new InvalidRequestException("shiftId", "only shifts that have not begun can be swapped");
        }
        refs.stampAudit();
        long id = jdbc.sql("""
                insert into rota_swap (rotation_id, shift_id, other_shift_id, proposer_id, other_id, status, created_at)
                values (?, ?, ?, ?, ?, 'PROPOSED', ?) returning id""")
                .params(mine.rotationId(), mine.id(), theirs.id(), proposer.id(), other, Timestamp.from(now))
                .query(Long.class)
                .single();
        var warnings = new ArrayList<String>();
        var first = mine.startsAt().isBefore(theirs.startsAt()) ? mine.startsAt() : theirs.startsAt();
        if (RotaChanges.shortPersonalNotice(now, first)) {
            warnings.add(
                    "Less than two weeks' notice: the other person and both delivery leads may not have time to agree.");
        }
        return new Notice<>(get(id), warnings);
    }

    @Transactional
    public SwapView accept(long swapId, AgentPrincipal actor) {
        var swap = get(swapId);
        if (swap.otherId() != actor.id())
            throw new AccessDeniedException("Only " + swap.otherName() + " can accept this swap.");
        expect(swap, "PROPOSED");
        status(swapId, "ACCEPTED");
        return get(swapId);
    }

    /** A delivery lead approves for their person (both, when they lead both); the second approval swaps the shifts. */
    @Transactional
    public SwapView approve(long swapId, AgentPrincipal actor) {
        var swap = get(swapId);
        expect(swap, "ACCEPTED");
        if (actor.id() == swap.proposerId() || actor.id() == swap.otherId()) {
            // a lead who is a party to the swap would approve their own change: another lead, or an admin, decides
            throw new AccessDeniedException(
                    "You are one of the two people swapping: someone else approves it (another lead, or an admin).");
        }
        boolean forProposer = !swap.proposerLeadApproved() && approves(actor, swap.proposerId(), swap);
        boolean forOther = !swap.otherLeadApproved() && approves(actor, swap.otherId(), swap);
        if (!forProposer && !forOther) {
            throw new AccessDeniedException("Only the delivery leads of " + swap.proposerName() + " and "
                    + swap.otherName() + " approve this swap (an admin for someone without one).");
        }
        refs.stampAudit();
        jdbc.sql("""
                update rota_swap set proposer_lead_approved_by = case when ? then ? else proposer_lead_approved_by end,
                                     other_lead_approved_by = case when ? then ? else other_lead_approved_by end
                where id = ?""")
                .params(forProposer, actor.id(), forOther, actor.id(), swapId)
                .update();
        var now = get(swapId);
        if (now.proposerLeadApproved() && now.otherLeadApproved()) {
            status(swapId, "APPROVED");
            overrides.insert(
                    swap.rotationId(),
                    swap.role(),
                    swap.shiftStartsAt(),
                    swap.shiftEndsAt(),
                    swap.proposerId(),
                    swap.otherId(),
                    swapId);
            overrides.insert(
                    swap.rotationId(),
                    swap.role(),
                    swap.otherStartsAt(),
                    swap.otherEndsAt(),
                    swap.otherId(),
                    swap.proposerId(),
                    swapId);
            var first =
                    swap.shiftStartsAt().isBefore(swap.otherStartsAt()) ? swap.shiftStartsAt() : swap.otherStartsAt();
            changes.changed(
                    rotations.get(swap.rotationId()), "swap", List.of(swap.proposerId(), swap.otherId()), first);
        }
        return get(swapId);
    }

    /** The other person or a lead refuses; the proposer withdraws. */
    @Transactional
    public SwapView refuse(long swapId, AgentPrincipal actor) {
        var swap = get(swapId);
        if (!swap.status().equals("PROPOSED") && !swap.status().equals("ACCEPTED")) {
            throw new ConflictException(
                    "The swap is " + swap.status().toLowerCase(java.util.Locale.ROOT) + " already.");
        }
        if (actor.id() == swap.proposerId()) {
            status(swapId, "WITHDRAWN");
        } else if (actor.id() == swap.otherId()
                || approves(actor, swap.proposerId(), swap)
                || approves(actor, swap.otherId(), swap)) {
            status(swapId, "REFUSED");
        } else {
            throw new AccessDeniedException("Only the two people and their delivery leads decide on this swap.");
        }
        return get(swapId);
    }

    public List<SwapView> list(long rotationId) {
        rotations.get(rotationId);
        return jdbc.sql(SELECT + " where w.rotation_id = ? order by w.created_at desc, w.id desc limit 200")
                .param(rotationId)
                .query((rs, n) -> view(rs))
                .list();
    }

    public SwapView get(long id) {
        return jdbc.sql(SELECT + " where w.id = ?")
                .param(id)
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("Swap " + id + " does not exist."));
    }

    /** The person's delivery lead approves; an admin does when they have none or their lead is in the swap. */
    private boolean approves(AgentPrincipal actor, long agentId, SwapView swap) {
        Long lead = refs.deliveryLead(agentId);
        boolean leadSwaps = lead != null && (lead == swap.proposerId() || lead == swap.otherId());
        return lead == null || leadSwaps ? actor.isAdmin() : lead == actor.id();
    }

    private static void expect(SwapView swap, String status) {
        if (!swap.status().equals(status)) {
            throw new ConflictException("The swap is " + swap.status().toLowerCase(java.util.Locale.ROOT) + ", not "
                    + status.toLowerCase(java.util.Locale.ROOT) + ".");
        }
    }

    private void status(long swapId, String status) {
        refs.stampAudit();
        jdbc.sql("update rota_swap set status = ?, decided_at = ? where id = ?")
                .params(status, Timestamp.from(refs.now()), swapId)
                .update();
    }

    private Shift shift(String field, long id) {
        return jdbc.sql("select id, rotation_id, role, starts_at, ends_at, agent_id from rota_shift where id = ?")
                .param(id)
                .query((rs, n) -> new Shift(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(),
                        rs.getObject(6, Long.class)))
                .optional()
                .orElseThrow(() -> new InvalidRequestException(field, "shift " + id + " does not exist"));
    }

    private static final String SELECT = """
            select w.id, w.rotation_id, s.role, w.shift_id, s.starts_at, s.ends_at, w.other_shift_id, o.starts_at, o.ends_at,
                   w.proposer_id, p.display_name, w.other_id, q.display_name, w.status,
                   w.proposer_lead_approved_by is not null, w.other_lead_approved_by is not null
            from rota_swap w join rota_shift s on s.id = w.shift_id join rota_shift o on o.id = w.other_shift_id
            join agent p on p.id = w.proposer_id join agent q on q.id = w.other_id""";

    private static SwapView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SwapView(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6).toInstant(),
                rs.getLong(7),
                rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant(),
                rs.getLong(10),
                rs.getString(11),
                rs.getLong(12),
                rs.getString(13),
                rs.getString(14),
                rs.getBoolean(15),
                rs.getBoolean(16));
    }
}

package org.firstline.rota;

import java.time.Instant;

/**
 * A proposed swap of two shifts of one role: PROPOSED → ACCEPTED (by the other person) → APPROVED (once both
 * delivery leads approved; the shifts change then), or REFUSED / WITHDRAWN.
 */
public record SwapView(
        long id,
        long rotationId,
        String role,
        long shiftId,
        Instant shiftStartsAt,
        Instant shiftEndsAt,
        long otherShiftId,
        Instant otherStartsAt,
        Instant otherEndsAt,
        long proposerId,
        String proposerName,
        long otherId,
        String otherName,
        String status,
        boolean proposerLeadApproved,
        boolean otherLeadApproved) {}

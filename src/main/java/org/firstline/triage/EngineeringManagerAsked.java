package org.firstline.triage;

import java.util.List;

/** Somebody handed a critical ticket to the engineering manager(s), who should find people for it. */
public record EngineeringManagerAsked(
        long requestId,
        long ticketId,
        long ticketNumber,
        String subject,
        List<Long> managerIds,
        String askedBy,
        String reason) {}

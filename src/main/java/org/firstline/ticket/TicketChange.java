package org.firstline.ticket;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/**
 * A PATCH of a ticket. A field left out stays as it is; for the optional ids, an explicit {@code null} clears them
 * (a ticket may have a team and no owner, or neither). {@code confirmNotRepresentative} files the ticket in an
 * organization that takes requests from its representatives only although the requester is not one of them.
 */
public record TicketChange(
        @Size(min = 1, max = 500, message = "must be 1 to 500 characters") String subject,
        TicketStatus status,
        PendingReason pendingReason,
        Priority priority,
        TicketType type,
        Impact impact,
        Optional<Long> teamId,
        Optional<Long> ownerId,
        Optional<Long> organizationId,
        Optional<Long> serviceId,
        List<String> labels,
        List<String> cc,
        Boolean funded,
        @Size(max = 200, message = "must be at most 200 characters") String fundingReference,
        Resolution resolution,
        @Size(max = 2000, message = "must be at most 2000 characters") String resolutionLink,
        Boolean confirmNotRepresentative) {

    /** A change that files no ticket with a non-representative. */
    public TicketChange(String subject, TicketStatus status, PendingReason pendingReason, Priority priority, TicketType type,
            Impact impact, Optional<Long> teamId, Optional<Long> ownerId, Optional<Long> organizationId, Optional<Long> serviceId,
            List<String> labels, List<String> cc, Boolean funded, String fundingReference, Resolution resolution, String resolutionLink) {
        this(subject, status, pendingReason, priority, type, impact, teamId, ownerId, organizationId, serviceId, labels, cc, funded,
                fundingReference, resolution, resolutionLink, null);
    }

    /**
     * JSON cannot tell Jackson "absent" from "null" for an Optional component (both arrive empty), so the caller says
     * which fields the request really carried; the ones it did not stay unchanged.
     */
    public TicketChange keepingAbsent(java.util.function.Predicate<String> present) {
        return new TicketChange(subject, status, pendingReason, priority, type, impact,
                present.test("teamId") ? teamId : null, present.test("ownerId") ? ownerId : null,
                present.test("organizationId") ? organizationId : null, present.test("serviceId") ? serviceId : null,
                labels, cc, funded, fundingReference, resolution, resolutionLink, confirmNotRepresentative);
    }

    /** Only the priority. */
    public static TicketChange priority(Priority priority) {
        return new TicketChange(null, null, null, priority, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Only the type. */
    public static TicketChange type(TicketType type) {
        return new TicketChange(null, null, null, null, type, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Only team and owner; a null leaves that one as it is. */
    public static TicketChange routing(Optional<Long> teamId, Optional<Long> ownerId) {
        return new TicketChange(null, null, null, null, null, null, teamId, ownerId, null, null, null, null, null, null, null, null);
    }

    /** Only the status, with its pending reason when it is PENDING. */
    public static TicketChange status(TicketStatus status, PendingReason reason) {
        return new TicketChange(null, status, reason, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}

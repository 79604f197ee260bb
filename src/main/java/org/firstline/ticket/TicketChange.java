package org.firstline.ticket;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A PATCH of a ticket. A field left out stays as it is; for the optional ids, an explicit {@code null} clears them
 * (a ticket may have a team and no owner, or neither). {@code confirmNotRepresentative} files the ticket in an
 * organization that takes requests from its representatives only although the requester is not one of them.
 */
public record TicketChange(
        @Size(min = 1, max = 500, message = "must be 1 to 500 characters") @Nullable
        String subject,

        @Nullable TicketStatus status,
        @Nullable PendingReason pendingReason,
        @Nullable Priority priority,
        @Nullable TicketType type,
        @Nullable Impact impact,
        @Nullable Optional<Long> teamId,
        @Nullable Optional<Long> ownerId,
        @Nullable Optional<Long> organizationId,
        @Nullable Optional<Long> serviceId,
        @Nullable List<String> labels,

        @Nullable
        List<@Email(message = "must be email addresses, one per entry") @NotBlank(message = "must not be blank") String>
                cc,

        @Nullable Boolean funded,

        @Size(max = 200, message = "must be at most 200 characters") @Nullable
        String fundingReference,

        @Nullable Resolution resolution,

        @Size(max = 2000, message = "must be at most 2000 characters") @Nullable
        String resolutionLink,

        @Nullable Boolean confirmNotRepresentative) {

    /** A change that files no ticket with a non-representative. */
    public TicketChange(
            @Nullable String subject,
            @Nullable TicketStatus status,
            @Nullable PendingReason pendingReason,
            @Nullable Priority priority,
            @Nullable TicketType type,
            @Nullable Impact impact,
            @Nullable Optional<Long> teamId,
            @Nullable Optional<Long> ownerId,
            @Nullable Optional<Long> organizationId,
            @Nullable Optional<Long> serviceId,
            @Nullable List<String> labels,
            @Nullable List<String> cc,
            @Nullable Boolean funded,
            @Nullable String fundingReference,
            @Nullable Resolution resolution,
            @Nullable String resolutionLink) {
        this(
                subject,
                status,
                pendingReason,
                priority,
                type,
                impact,
                teamId,
                ownerId,
                organizationId,
                serviceId,
                labels,
                cc,
                funded,
                fundingReference,
                resolution,
                resolutionLink,
                null);
    }

    /** A change of status alone, with its pending reason or its resolution. */
    public static TicketChange toStatus(
            TicketStatus status,
            @Nullable PendingReason pendingReason,
            @Nullable Resolution resolution,
            @Nullable String resolutionLink) {
        return new TicketChange(
                null,
                status,
                pendingReason,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                resolution,
                resolutionLink);
    }

    /**
     * JSON cannot tell Jackson "absent" from "null" for an Optional component (both arrive empty), so the caller says
     * which fields the request really carried; the ones it did not stay unchanged.
     */
    public TicketChange keepingAbsent(java.util.function.Predicate<String> present) {
        return new TicketChange(
                subject,
                status,
                pendingReason,
                priority,
                type,
                impact,
                present.test("teamId") ? teamId : null,
                present.test("ownerId") ? ownerId : null,
                present.test("organizationId") ? organizationId : null,
                present.test("serviceId") ? serviceId : null,
                labels,
                cc,
                funded,
                fundingReference,
                resolution,
                resolutionLink,
                confirmNotRepresentative);
    }

    /** Only the priority. */
    public static TicketChange priority(Priority priority) {
        return new TicketChange(
                null, null, null, priority, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Only the type. */
    public static TicketChange type(TicketType type) {
        return new TicketChange(
                null, null, null, null, type, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Only team and owner; a null leaves that one as it is. */
    public static TicketChange routing(@Nullable Optional<Long> teamId, Optional<Long> ownerId) {
        return new TicketChange(
                null, null, null, null, null, null, teamId, ownerId, null, null, null, null, null, null, null, null);
    }

    /** Only the status, with its pending reason when it is PENDING. */
    public static TicketChange status(TicketStatus status, @Nullable PendingReason reason) {
        return new TicketChange(
                null, status, reason, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}

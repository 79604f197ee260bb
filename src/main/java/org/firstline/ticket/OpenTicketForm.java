package org.firstline.ticket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A new ticket. {@code createdAt}, {@code status}, {@code teamId} and {@code ownerId} are for admins importing
 * history from another desk.
 */
public record OpenTicketForm(
        @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters")
        String subject,

        @NotBlank(message = "is required") @Size(max = 200000, message = "must be at most 200000 characters")
        String body,

        @NotNull(message = "is required") @Valid Requester requester,
        @Nullable Long organizationId,
        @Nullable Long serviceId,
        @Nullable TicketType type,
        @Nullable Priority priority,
        @Nullable Impact impact,
        @Nullable Channel channel,
        @Nullable List<@NotBlank(message = "must not be blank") String> labels,
        @Nullable List<@Email(message = "must be an email address") String> cc,
        @Nullable Boolean funded,

        @Size(max = 200, message = "must be at most 200 characters") @Nullable
        String fundingReference,

        @Nullable Boolean internal,
        @Nullable Instant createdAt,
        @Nullable TicketStatus status,
        @Nullable PendingReason pendingReason,
        @Nullable Long teamId,
        @Nullable Long ownerId) {

    public record Requester(
            @NotBlank(message = "is required")
            @Email(message = "must be an email address")
            @Size(max = 320, message = "is too long")
            String email,

            @Size(max = 200, message = "must be at most 200 characters") @Nullable
            String name) {}

    /** A plain new ticket from a requester, with defaults for everything else. */
    public static OpenTicketForm of(String subject, String body, String email, @Nullable String name, Channel channel) {
        return new OpenTicketForm(
                subject,
                body,
                new Requester(email, name),
                null,
                null,
                null,
                null,
                null,
                channel,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The same ticket with the impact the requester or the agent filing it gave. */
    public OpenTicketForm withImpact(Impact level) {
        return new OpenTicketForm(
                subject,
                body,
                requester,
                organizationId,
                serviceId,
                type,
                priority,
                level,
                channel,
                labels,
                cc,
                funded,
                fundingReference,
                internal,
                createdAt,
                status,
                pendingReason,
                teamId,
                ownerId);
    }

    /** The same ticket filed under an organization and service the requester chose. */
    public OpenTicketForm withOrganization(@Nullable Long organization, @Nullable Long service) {
        return new OpenTicketForm(
                subject,
                body,
                requester,
                organization,
                service,
                type,
                priority,
                impact,
                channel,
                labels,
                cc,
                funded,
                fundingReference,
                internal,
                createdAt,
                status,
                pendingReason,
                teamId,
                ownerId);
    }

    boolean importsHistory() {
        return createdAt != null || status != null || teamId != null || ownerId != null;
    }
}

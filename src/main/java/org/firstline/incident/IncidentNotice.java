package org.firstline.incident;

import org.jspecify.annotations.Nullable;

/**
 * One public incident update for one address. A requester's notice names the newest ticket of theirs the incident
 * gathers, so the mail goes in that ticket's thread and a reply lands on it; a subscriber's has no ticket.
 */
public record IncidentNotice(
        long id,
        String address,
        @Nullable Long ticketId,
        @Nullable Long ticketNumber,
        String subject,
        String body) {}

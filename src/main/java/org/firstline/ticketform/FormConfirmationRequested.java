package org.firstline.ticketform;

import java.time.Instant;

/**
 * Someone asked for a ticket on the public form: the address they gave must confirm it by opening {@code confirmUrl}
 * (valid until {@code expiresAt}). Published in the transaction that stored the request; the email module mails it.
 */
public record FormConfirmationRequested(
        long requestId, String email, String name, String subject, String confirmUrl, Instant expiresAt) {}

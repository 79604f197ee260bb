package org.firstline.triage;

import java.time.Instant;
import java.util.List;

/**
 * A critical ticket handed to the engineering managers: who was asked, by whom and why; {@code withoutEmail} names
 * those the mail cannot reach, so the person asking knows to call them instead.
 */
public record EngineeringManagerRequest(
        long id,
        long ticketId,
        List<Person> managers,
        List<String> withoutEmail,
        long askedById,
        String reason,
        Instant askedAt) {
    public record Person(long id, String name) {}
}

package org.firstline.survey;

import java.time.Instant;

/** An answered survey with a comment, for the report's list of what customers wrote. */
public record SatisfactionComment(
        long ticketId,
        long ticketNumber,
        String subject,
        String group,
        int rating,
        String comment,
        Instant answeredAt) {}

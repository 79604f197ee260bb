package org.firstline.survey;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's satisfaction survey as agents, the API and the portal read it.
 *
 * @param agentId the ticket's owner when it was resolved; {@code teamId} and {@code organizationId} likewise
 * @param changes how often the answer was replaced after the first one
 * @param changeableUntil until when a new answer replaces this one; null while unanswered
 */
public record SurveyView(
        long id,
        long ticketId,
        @Nullable Long agentId,
        @Nullable Long teamId,
        @Nullable Long organizationId,
        Instant sentAt,
        boolean answered,
        @Nullable Integer rating,
        @Nullable String comment,
        @Nullable Instant firstAnsweredAt,
        @Nullable Instant answeredAt,
        int changes,
        @Nullable Instant changeableUntil) {}

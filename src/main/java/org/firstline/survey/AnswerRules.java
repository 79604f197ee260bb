package org.firstline.survey;

import java.time.Duration;
import java.time.Instant;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/** What an answer to a survey may be and when it counts: no database, no clock of its own. */
final class AnswerRules {
    /** How long after the first answer a later one may still replace it. */
    static final Duration CHANGE_WINDOW = Duration.ofDays(7);

    static final int MAX_COMMENT = 2000;

    /** What an answer does to its survey. */
    enum Outcome {
        FIRST,
        CHANGE,
        TOO_LATE,
        SUPERSEDED
    }

    private AnswerRules() {}

    /** Refuses a rating outside 1–5 and a comment longer than 2,000 characters or one that cannot be stored. */
    static void check(int rating, @Nullable String comment) {
        if (rating < 1 || rating > 5) {
            throw new InvalidRequestException("rating", "must be a whole number from 1 to 5");
        }
        if (comment == null) {
            return;
        }
        if (comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
            throw new InvalidRequestException("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        if (comment.indexOf('\0') >= 0) {
            throw new InvalidRequestException("comment", "contains a character that cannot be stored (NUL)");
        }
    }

    /** A comment of only spaces is no comment; any other is kept exactly as written. */
    static @Nullable String comment(@Nullable String comment) {
        return comment == null || comment.isBlank() ? null : comment;
    }

    static Outcome decide(@Nullable Instant firstAnsweredAt, boolean newest, Instant now) {
        if (!newest) {
            return Outcome.SUPERSEDED;
        }
        if (firstAnsweredAt == null) {
            return Outcome.FIRST;
        }
        return now.isAfter(firstAnsweredAt.plus(CHANGE_WINDOW)) ? Outcome.TOO_LATE : Outcome.CHANGE;
    }

    /** Until when the answer can still be changed; null while there is none. */
    static @Nullable Instant changeableUntil(@Nullable Instant firstAnsweredAt) {
        return firstAnsweredAt == null ? null : firstAnsweredAt.plus(CHANGE_WINDOW);
    }

    /** The refusal for an answer that no longer counts, in words for the person who sent it. */
    static ConflictException refusal(Outcome outcome, @Nullable Instant firstAnsweredAt) {
        if (outcome == Outcome.SUPERSEDED) {
            return new ConflictException("This survey is closed: the request was resolved again since, and only the"
                    + " latest survey counts. Use the link in the latest email.");
        }
        return new ConflictException("This survey was first answered on "
                + (firstAnsweredAt == null
                        ? "an earlier day"
                        : firstAnsweredAt.toString().substring(0, 10))
                + " (UTC); an answer can be changed for 7 days after that, and that time is over.");
    }
}

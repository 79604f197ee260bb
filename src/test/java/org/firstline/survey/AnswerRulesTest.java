package org.firstline.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;

class AnswerRulesTest {
    private static final Instant FIRST = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theFirstAnswerStandsAndALaterOneWithinSevenDaysReplacesIt() {
        assertThat(AnswerRules.decide(null, true, FIRST)).isEqualTo(AnswerRules.Outcome.FIRST);
        assertThat(AnswerRules.decide(FIRST, true, FIRST.plus(Duration.ofDays(3))))
                .isEqualTo(AnswerRules.Outcome.CHANGE);
        assertThat(AnswerRules.decide(FIRST, true, FIRST.plus(Duration.ofDays(7))))
                .as("the seventh day still counts")
                .isEqualTo(AnswerRules.Outcome.CHANGE);
        assertThat(AnswerRules.decide(
                        FIRST, true, FIRST.plus(Duration.ofDays(7)).plusSeconds(1)))
                .isEqualTo(AnswerRules.Outcome.TOO_LATE);
        assertThat(AnswerRules.changeableUntil(FIRST)).isEqualTo(FIRST.plus(Duration.ofDays(7)));
        assertThat(AnswerRules.changeableUntil(null)).isNull();
    }

    @Test
    void onlyTheNewestSurveyOfATicketCanBeAnswered() {
        assertThat(AnswerRules.decide(null, false, FIRST)).isEqualTo(AnswerRules.Outcome.SUPERSEDED);
        assertThat(AnswerRules.decide(FIRST, false, FIRST.plusSeconds(60))).isEqualTo(AnswerRules.Outcome.SUPERSEDED);
        assertThat(AnswerRules.refusal(AnswerRules.Outcome.SUPERSEDED, null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("resolved again");
        assertThat(AnswerRules.refusal(AnswerRules.Outcome.TOO_LATE, FIRST))
                .hasMessageContaining("2026-12-01")
                .hasMessageContaining("7 days");
    }

    @Test
    void aRatingIsOneToFiveAndACommentAtMostTwoThousandCharacters() {
        for (int rating : new int[] {0, 6, -1, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> AnswerRules.check(rating, null))
                    .isInstanceOfSatisfying(
                            InvalidRequestException.class,
                            e -> assertThat(e.field()).isEqualTo("rating"));
        }
        AnswerRules.check(1, "x".repeat(2000));
        // characters, not UTF-16 units: 2,000 emoji are 4,000 chars in Java and fit
        AnswerRules.check(5, "😀".repeat(2000));
        assertThatThrownBy(() -> AnswerRules.check(3, "x".repeat(2001)))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("comment"));
        assertThatThrownBy(() -> AnswerRules.check(3, "a\0b")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aCommentIsKeptAsWrittenAndOnlyBlankIsNone() {
        assertThat(AnswerRules.comment("  <b>fine</b>\n")).isEqualTo("  <b>fine</b>\n");
        assertThat(AnswerRules.comment(" \n ")).isNull();
        assertThat(AnswerRules.comment(null)).isNull();
    }
}

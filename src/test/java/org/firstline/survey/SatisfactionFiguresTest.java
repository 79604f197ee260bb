package org.firstline.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.firstline.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** The report's figures, periods and ranges, and the question a public page asks. */
class SatisfactionFiguresTest {
    private static final LocalDate WEDNESDAY = LocalDate.parse("2026-12-02");

    @Test
    void figuresOfOneGroupAndPeriod() {
        var row = SatisfactionRow.of(7L, "Hubs", WEDNESDAY, 8, new long[] {1, 0, 1, 1, 3});
        assertThat(row.answered()).isEqualTo(6);
        assertThat(row.responseRate()).isEqualTo(75.0);
        assertThat(row.averageRating()).isEqualTo(3.83);
        assertThat(row.csat()).as("4s and 5s of the answers").isEqualTo(66.7);
        assertThat(row.ratings())
                .containsExactly(
                        java.util.Map.entry("1", 1L),
                        java.util.Map.entry("2", 0L),
                        java.util.Map.entry("3", 1L),
                        java.util.Map.entry("4", 1L),
                        java.util.Map.entry("5", 3L));
        var unanswered = SatisfactionRow.of(null, "(no team)", WEDNESDAY, 2, new long[5]);
        assertThat(unanswered.responseRate()).isZero();
        assertThat(unanswered.averageRating()).isNull();
        assertThat(unanswered.csat()).isNull();
    }

    @Test
    void periodsStartOnMondayOrTheFirstAndRangesDefaultToTwelveOfThem() {
        assertThat(ReportPeriod.WEEK.start(WEDNESDAY)).isEqualTo("2026-11-30");
        assertThat(ReportPeriod.MONTH.start(WEDNESDAY)).isEqualTo("2026-12-01");
        assertThat(ReportRange.of(ReportPeriod.WEEK, null, null, WEDNESDAY))
                .isEqualTo(new ReportRange(LocalDate.parse("2026-09-14"), WEDNESDAY));
        assertThat(ReportRange.of(ReportPeriod.MONTH, "", " ", WEDNESDAY))
                .isEqualTo(new ReportRange(LocalDate.parse("2026-01-01"), WEDNESDAY));
        assertThat(ReportRange.of(ReportPeriod.WEEK, "2026-11-01", "2026-11-30", WEDNESDAY))
                .isEqualTo(new ReportRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
    }

    @Test
    void whatTheReportRefuses() {
        assertThatThrownBy(() -> ReportRange.of(ReportPeriod.WEEK, "2026-12-02", "2026-12-01", WEDNESDAY))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> ReportRange.of(ReportPeriod.WEEK, "1 Dec", null, WEDNESDAY))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> ReportRange.of(ReportPeriod.WEEK, "1900-01-01", null, WEDNESDAY))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(ReportGrouping.parse("Organization")).isEqualTo(ReportGrouping.ORGANIZATION);
        assertThatThrownBy(() -> ReportGrouping.parse("1")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ReportPeriod.parse("day")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void theQuestionChoosesTheLinksRatingAndIsOpenWhileAnAnswerWouldCount() {
        Instant sent = Instant.parse("2026-12-01T10:00:00Z");
        var unanswered = new SurveyView(1, 2, null, null, null, sent, false, null, null, null, null, 0, null);
        var fromLink = SurveyQuestion.of(unanswered, true, sent, "4", null);
        assertThat(fromLink.rating()).isEqualTo(4);
        assertThat(fromLink.open()).isTrue();
        assertThat(SurveyQuestion.of(unanswered, true, sent, "9", null).rating())
                .isNull();
        assertThat(SurveyQuestion.of(unanswered, true, sent, "<x>", null).rating())
                .isNull();
        assertThat(SurveyQuestion.of(unanswered, false, sent, "4", null).open()).isFalse();

        var answered = new SurveyView(
                1, 2, null, null, null, sent, true, 2, "slow", sent, sent, 0, sent.plusSeconds(7 * 86400));
        var again = SurveyQuestion.of(answered, true, sent.plusSeconds(86400), null, null);
        assertThat(again.rating()).isEqualTo(2);
        assertThat(again.comment()).isEqualTo("slow");
        assertThat(again.open()).isTrue();
        assertThat(SurveyQuestion.of(answered, true, sent.plusSeconds(8 * 86400), "5", null)
                        .open())
                .isFalse();
    }
}

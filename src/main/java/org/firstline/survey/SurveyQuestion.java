package org.firstline.survey;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The rating question as a public page asks it: the survey, whether an answer sent now would count, and the rating
 * and comment to show chosen (from the link, the form just sent, or the answer already given).
 *
 * @param newest whether it is the ticket's newest survey, the only one that can be answered
 * @param open whether an answer sent now counts: the newest survey, unanswered or first answered less than 7 days ago
 */
public record SurveyQuestion(
        SurveyView survey,
        boolean newest,
        boolean open,
        @Nullable Integer rating,
        @Nullable String comment) {

    public static SurveyQuestion of(
            SurveyView survey, boolean newest, Instant now, @Nullable String rating, @Nullable String comment) {
        var outcome = AnswerRules.decide(survey.firstAnsweredAt(), newest, now);
        boolean open = outcome == AnswerRules.Outcome.FIRST || outcome == AnswerRules.Outcome.CHANGE;
        Integer chosen = rating(rating);
        return new SurveyQuestion(
                survey,
                newest,
                open,
                chosen != null ? chosen : survey.rating(),
                comment != null ? comment : survey.comment());
    }

    /** A rating from a link or a form when it is one of 1 to 5; anything else chooses none. */
    public static @Nullable Integer rating(@Nullable String text) {
        if (text == null || !text.strip().matches("[1-5]")) return null;
        return Integer.valueOf(text.strip());
    }
}

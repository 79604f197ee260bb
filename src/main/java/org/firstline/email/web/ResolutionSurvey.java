package org.firstline.email.web;

import java.time.Clock;
import org.firstline.email.internal.ResolutionRequests;
import org.firstline.platform.ConflictException;
import org.firstline.survey.SatisfactionSurveys;
import org.firstline.survey.SurveyQuestion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The satisfaction question on the resolution page, asked once the requester said whether it is fixed: the link of
 * the newest resolution mail answers the ticket's newest survey, as its requester.
 */
@Component
class ResolutionSurvey {
    private final SatisfactionSurveys surveys;
    private final Clock clock;

    ResolutionSurvey(SatisfactionSurveys surveys, Clock clock) {
        this.surveys = surveys;
        this.clock = clock;
    }

    void addTo(
            Model model,
            String token,
            ResolutionRequests.Pending request,
            @Nullable String rating,
            @Nullable String comment) {
        model.addAttribute("surveyDone", Boolean.TRUE.equals(model.getAttribute("surveyDone")));
        if (request.decision() == null) {
            return;
        }
        surveys.forTicket(request.ticketId()).ifPresent(survey -> {
            model.addAttribute(
                    "question", SurveyQuestion.of(survey, request.newest(), clock.instant(), rating, comment));
            model.addAttribute("surveyAction", "/resolutions/" + token + "/rating");
        });
    }

    void answer(ResolutionRequests.Pending request, @Nullable String rating, @Nullable String comment) {
        if (request.decision() == null) {
            throw new ConflictException("Nothing was recorded: first tell us whether it is fixed.");
        }
        if (!request.newest()) {
            throw new ConflictException("This survey is closed: the request was resolved again since this email, and"
                    + " only the latest survey counts. Use the link in the latest email.");
        }
        Integer chosen = SurveyQuestion.rating(rating);
        surveys.answerAsContact(request.ticketId(), request.requesterId(), chosen == null ? 0 : chosen, comment);
    }
}

package org.firstline.survey.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.platform.RefusalMessages;
import org.firstline.survey.SatisfactionSurveys;
import org.firstline.survey.SurveyQuestion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The survey links in resolution mail, for requesters who have no account. Opening one shows the question with the
 * link's rating chosen and records nothing, because mail scanners open links on their own; the answer is a POST from
 * the page, with its CSRF token.
 */
@Controller
class SurveyPageController {
    private final SatisfactionSurveys surveys;
    private final Clock clock;

    SurveyPageController(SatisfactionSurveys surveys, Clock clock) {
        this.surveys = surveys;
        this.clock = clock;
    }

    @GetMapping("/survey/{token}")
    String show(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String rating,
            Model model,
            HttpServletResponse response) {
        return page(token, rating, null, false, model, response);
    }

    @PostMapping("/survey/{token}")
    String answer(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String rating,
            @RequestParam(required = false) @Nullable String comment,
            Model model,
            HttpServletResponse response) {
        Integer chosen = SurveyQuestion.rating(rating);
        try {
            surveys.answer(token, chosen == null ? 0 : chosen, comment);
            return page(token, null, null, true, model, response);
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("surveyError", refusal(e));
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("surveyError", e.getMessage());
        } catch (NotFoundException e) {
            // the page says the link is not valid
        }
        return page(token, rating, comment, false, model, response);
    }

    /** A refused answer in words for the page: nothing was recorded, and why. */
    static String refusal(InvalidRequestException e) {
        return "rating".equals(e.field())
                ? "Nothing was recorded: choose a rating from 1 to 5."
                : "Nothing was recorded: " + RefusalMessages.of(e) + ".";
    }

    private String page(
            String token,
            @Nullable String rating,
            @Nullable String comment,
            boolean done,
            Model model,
            HttpServletResponse response) {
        var link = surveys.byToken(token);
        if (link.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("missing", true);
            return "survey/page";
        }
        model.addAttribute("link", link.get());
        model.addAttribute(
                "question",
                SurveyQuestion.of(link.get().survey(), link.get().newest(), clock.instant(), rating, comment));
        model.addAttribute("surveyAction", "/survey/" + token);
        model.addAttribute("surveyDone", done);
        return "survey/page";
    }
}

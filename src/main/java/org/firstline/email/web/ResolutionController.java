package org.firstline.email.web;

import jakarta.servlet.http.HttpServletResponse;
import org.firstline.email.internal.ResolutionRequests;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.platform.RefusalMessages;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The links in resolution mail, for requesters who have no account. Opening one only shows the question; the answer
 * is a POST from its page (with the page's CSRF token), because mail scanners open links on their own. Once
 * answered, the page asks the satisfaction survey's question right away.
 */
@Controller
class ResolutionController {
    private final ResolutionRequests requests;
    private final ResolutionSurvey survey;

    ResolutionController(ResolutionRequests requests, ResolutionSurvey survey) {
        this.requests = requests;
        this.survey = survey;
    }

    @GetMapping("/resolutions/{token}")
    String show(@PathVariable String token, @RequestParam(required = false) String answer, Model model) {
        var pending = requests.byToken(token);
        if (pending.isEmpty()) {
            model.addAttribute("missing", true);
            return "email/resolution";
        }
        model.addAttribute("request", pending.get());
        model.addAttribute("token", token);
        model.addAttribute("suggested", "not-fixed".equals(answer) ? "not-fixed" : "confirm");
        survey.addTo(model, token, pending.get(), null, null);
        return "email/resolution";
    }

    @PostMapping("/resolutions/{token}")
    String decide(@PathVariable String token, @RequestParam String answer, Model model) {
        var pending = requests.byToken(token);
        if (pending.isEmpty()) {
            model.addAttribute("missing", true);
            return "email/resolution";
        }
        if (!"not-fixed".equals(answer) && !"confirm".equals(answer)) {
            // only the page's own two buttons decide: a closed ticket cannot be opened again, so no guessing
            model.addAttribute("request", pending.get());
            model.addAttribute("token", token);
            model.addAttribute("suggested", "confirm");
            model.addAttribute("invalidAnswer", true);
            return "email/resolution";
        }
        var decision = "not-fixed".equals(answer)
                ? ResolutionRequests.Decision.NOT_FIXED
                : ResolutionRequests.Decision.CONFIRMED;
        boolean settled = pending.get().valid() && requests.decide(pending.get().id(), decision);
        var now = requests.byToken(token).orElseThrow();
        model.addAttribute("request", now);
        model.addAttribute("token", token);
        model.addAttribute("done", settled ? decision : null);
        survey.addTo(model, token, now, null, null);
        return "email/resolution";
    }

    /** The rating asked once the requester has answered: it goes to the ticket's newest survey. */
    @PostMapping("/resolutions/{token}/rating")
    String rate(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String rating,
            @RequestParam(required = false) @Nullable String comment,
            Model model,
            HttpServletResponse response) {
        var pending = requests.byToken(token);
        if (pending.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("missing", true);
            return "email/resolution";
        }
        model.addAttribute("request", pending.get());
        model.addAttribute("token", token);
        try {
            survey.answer(pending.get(), rating, comment);
            model.addAttribute("surveyDone", true);
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute(
                    "surveyError",
                    "rating".equals(e.field())
                            ? "Nothing was recorded: choose a rating from 1 to 5."
                            : "Nothing was recorded: " + RefusalMessages.of(e) + ".");
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("surveyError", e.getMessage());
        } catch (NotFoundException e) {
            response.setStatus(404);
            model.addAttribute("surveyError", "Nothing was recorded: this request has no survey.");
        }
        boolean done = Boolean.TRUE.equals(model.getAttribute("surveyDone"));
        survey.addTo(model, token, pending.get(), done ? null : rating, done ? null : comment);
        return "email/resolution";
    }
}

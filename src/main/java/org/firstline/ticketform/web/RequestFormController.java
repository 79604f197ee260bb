package org.firstline.ticketform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.firstline.platform.MailUnavailableException;
import org.firstline.ticketform.internal.FormSigner;
import org.firstline.ticketform.internal.FormViews;
import org.firstline.ticketform.internal.PendingRequests;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public form. Showing it reads nothing from the database (it must show while PostgreSQL is down); sending it
 * stores a request and mails a link to confirm it, and the same answer is given whatever the address. The page's
 * script posts it and asks for JSON, so a refusal or an outage is shown in place with everything typed kept; without
 * script the form posts as usual and the answer is a page.
 */
@Controller
class RequestFormController {
    static final String SENT = "Thank you. We have sent a link to %s: open it to confirm your request, within 24 hours."
            + " Nothing reaches our team until you do.";
    static final String TOO_MANY =
            "You have sent several requests in the last hour. Please try again later, or write to us by email.";
    static final String NO_MAIL =
            "We cannot send the confirmation mail right now, so your request was not sent. What you"
                    + " typed is kept here: please try again later, or write to us by email.";
    static final String EXPIRED = "This form was open too long to be sent safely. Reload the page and send it again:"
            + " what you typed is kept.";
    static final String FOREIGN = "This form can only be sent from our own page.";

    private final FormSigner signer;
    private final PendingRequests requests;
    private final FormViews views;

    RequestFormController(FormSigner signer, PendingRequests requests, FormViews views) {
        this.signer = signer;
        this.requests = requests;
        this.views = views;
    }

    @GetMapping("/request")
    String form(@RequestParam(required = false) @Nullable String embed, Model model) {
        String view = UUID.randomUUID().toString();
        model.addAttribute("embed", "1".equals(embed));
        model.addAttribute("view", view);
        model.addAttribute("formToken", signer.token(view));
        model.addAttribute("input", FormInput.of("", "", "", ""));
        model.addAttribute("problems", Map.of());
        return "ticketform/form";
    }

    /** The script's post: JSON in answer, with field problems by name. */
    @PostMapping(value = "/request", headers = "X-Firstline-Form=1", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> sendFromScript(
            @RequestParam Map<String, String> fields, HttpServletRequest request) {
        var answer = send(fields, request);
        return ResponseEntity.status(answer.status())
                .body(Map.of("message", answer.message(), "problems", answer.problems(), "sent", answer.sent()));
    }

    /** The plain post, without script: the form again with its problems, or the page that says what happens next. */
    @PostMapping("/request")
    String send(
            @RequestParam Map<String, String> fields,
            HttpServletRequest request,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        var answer = send(fields, request);
        response.setStatus(answer.status().value());
        if (answer.sent()) {
            model.addAttribute("message", answer.message());
            return "ticketform/sent";
        }
        String view = UUID.randomUUID().toString();
        model.addAttribute("embed", "1".equals(fields.get("embed")));
        model.addAttribute("view", view);
        model.addAttribute("formToken", signer.token(view));
        model.addAttribute("input", input(fields));
        model.addAttribute("problems", answer.problems());
        model.addAttribute("message", answer.message());
        return "ticketform/form";
    }

    private record Answer(HttpStatus status, String message, Map<String, String> problems, boolean sent) {}

    private Answer send(Map<String, String> fields, HttpServletRequest request) {
        if (!FormGuard.sameOrigin(request)) return new Answer(HttpStatus.FORBIDDEN, FOREIGN, Map.of(), false);
        UUID view = FormInput.view(fields.get("view"));
        String token = fields.getOrDefault("formToken", "");
        if (view == null || !signer.valid(token, view.toString())) {
            return new Answer(HttpStatus.BAD_REQUEST, EXPIRED, Map.of(), false);
        }
        FormInput input = input(fields);
        var problems = input.problems();
        if (!problems.isEmpty()) {
            return new Answer(HttpStatus.BAD_REQUEST, "Please look at the fields marked below.", problems, false);
        }
        String message = SENT.formatted(input.email());
        // the trap field is hidden from people by the stylesheet; a robot that fills it is told it worked
        if (!fields.getOrDefault("website", "").isEmpty()) return new Answer(HttpStatus.OK, message, Map.of(), true);
        try {
            requests.submit(
                    input.name(),
                    input.email(),
                    input.subject(),
                    input.description(),
                    signer.hash(request.getRemoteAddr()));
        } catch (PendingRequests.TooManyRequests e) {
            return new Answer(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY, Map.of(), false);
        } catch (MailUnavailableException e) {
            return new Answer(HttpStatus.SERVICE_UNAVAILABLE, NO_MAIL, Map.of(), false);
        }
        views.submitted(view);
        return new Answer(HttpStatus.OK, message, Map.of(), true);
    }

    private static FormInput input(Map<String, String> fields) {
        return FormInput.of(fields.get("name"), fields.get("email"), fields.get("subject"), fields.get("description"));
    }
}

package org.firstline.platform.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors no controller answered (an unknown path, a method not allowed, the container refusing a request): problem+json
 * for the API, a page for people. Neither ever shows an exception, a class name or a library's limit.
 */
@Controller
class ProblemErrorController implements ErrorController {
    /** Set on a request refused for its missing or stale form token. */
    static final String FORM_EXPIRED = "firstline.formExpired";

    private final ProblemResponses problems;

    ProblemErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    @Nullable
    String error(HttpServletRequest request, HttpServletResponse response, org.springframework.ui.Model model)
            throws IOException {
        // asked for directly, /error is just an address with nothing at it
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        boolean expired = request.getAttribute(FORM_EXPIRED) != null;
        String detail = expired ? "The form was sent without its current security token." : detail(status);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        String accept = request.getHeader("Accept");
        if (path.startsWith(request.getContextPath() + "/api/")
                || (accept != null && accept.contains("json") && !accept.contains("html"))) {
            problems.write(response, status, title, detail);
            return null;
        }
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("error", title);
        model.addAttribute("message", detail);
        model.addAttribute(
                "advice",
                expired
                        ? "It was open for a long time, or sent from another site. Go back, reload the page and send it again."
                        : advice(status));
        return "error";
    }

    /** What a person in a browser can do about it; the API's problem detail stays short. */
    private static String advice(int status) {
        return switch (status) {
            case 400 ->
                "A value in the address or the form is not what Firstline expects, such as a letter where a number "
                        + "belongs. Go back, check what you typed and send it again.";
            case 403 ->
                "You are signed in, but your role does not allow this: read-only agents can look but not change, and "
                        + "admin pages need an admin. Ask an admin if you need it. A form left open for a long time is refused too: "
                        + "go back, reload the page and send it again.";
            case 404 ->
                "The address may be mistyped, or the thing it named was deleted. Tickets live at /tickets/ and their number.";
            case 405, 415 -> "Use the page's own buttons and forms rather than typing this address.";
            case 413 -> "Make the file or text smaller and send it again.";
            default ->
                status >= 500
                        ? "Wait a moment and try again. If it keeps happening, tell your admin the time it happened."
                        : "Go back and try again.";
        };
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: check its headers, address and body.";
            case 401 -> "Sign in, or send an API token.";
            case 403 -> "Your role does not allow this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 413 -> "The request is larger than Firstline accepts.";
            case 414 -> "The address is longer than Firstline accepts.";
            case 415 -> "Send the body as application/json.";
            case 431 -> "The request's headers are larger than Firstline accepts.";
            default ->
                status >= 500
                        ? "Something went wrong on our side. It has been logged; try again."
                        : "The request was refused.";
        };
    }
}

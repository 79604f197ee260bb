package org.firstline.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.MailUnavailableException;
import org.firstline.platform.NotFoundException;
import org.firstline.platform.RefusalMessages;
import org.firstline.portal.internal.PortalThrottled;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refusal on a portal page is shown on a portal page, with its reason: never the agents' pages, and never by way of
 * a server session (the portal keeps none).
 */
// only the portal's pages: an advice's selectors are alternatives, so a package and an annotation together would
// reach every controller of the application
@ControllerAdvice(
        assignableTypes = {
            PortalTicketsController.class,
            NewRequestController.class,
            RepresentativeController.class,
            PortalSignInController.class
        })
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalPageErrors {
    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        return message(model, response, 404, "Not found", RefusalMessages.of(e));
    }

    @ExceptionHandler({InvalidRequestException.class, ConflictException.class})
    String refused(RuntimeException e, Model model, HttpServletResponse response) {
        return message(model, response, e instanceof ConflictException ? 409 : 400, "Not done", RefusalMessages.of(e));
    }

    /** A number or word in the address that is not one: the portal's own page, not the agents'. */
    @ExceptionHandler({
        org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
        org.springframework.web.bind.MissingServletRequestParameterException.class,
        org.springframework.web.multipart.MaxUploadSizeExceededException.class
    })
    String badRequest(Exception e, Model model, HttpServletResponse response) {
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return message(
                    model, response, 413, "Too large", "The files are too large to send together. Nothing was sent.");
        }
        return message(model, response, 400, "Not found", "That address has a value the portal does not know.");
    }

    @ExceptionHandler(PortalThrottled.class)
    String throttled(PortalThrottled e, Model model, HttpServletResponse response) {
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        return message(model, response, 429, "Too many requests", RefusalMessages.of(e));
    }

    @ExceptionHandler(MailUnavailableException.class)
    String noMail(MailUnavailableException e, Model model, HttpServletResponse response) {
        return message(model, response, 503, "Cannot send mail", RefusalMessages.of(e));
    }

    static String message(Model model, HttpServletResponse response, int status, String title, String text) {
        response.setStatus(status);
        model.addAttribute("title", title);
        model.addAttribute("message", text);
        model.addAttribute("customer", PortalModel.current());
        return "portal/message";
    }
}

package org.firstline.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.firstline.platform.MailUnavailableException;
import org.firstline.platform.RefusalMessages;
import org.firstline.portal.internal.PortalThrottled;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The customer API's own refusals; every other error is answered in problem+json as in the agents' API. */
@RestControllerAdvice(assignableTypes = PortalApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalApiErrors {
    @ExceptionHandler(PortalThrottled.class)
    ProblemDetail throttled(PortalThrottled e, HttpServletResponse response) {
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        return problem(HttpStatus.TOO_MANY_REQUESTS, RefusalMessages.of(e));
    }

    @ExceptionHandler(MailUnavailableException.class)
    ProblemDetail noMail(MailUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, RefusalMessages.of(e));
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}

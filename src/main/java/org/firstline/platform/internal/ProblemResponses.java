package org.firstline.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Writes RFC 9457 problem documents for errors raised before a request reaches a controller. */
@Component
class ProblemResponses {
    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /** A missing or wrong credential is a 401; too many failures a 429; an unreachable database behind the check a 503. */
    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseOutage.causedBy(e)) {
            unavailable(response);
            return;
        }
        if (e instanceof SignInThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            write(response, 429, "Too Many Requests", throttled.getMessage());
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Firstline\", Bearer");
        write(
                response,
                401,
                "Unauthorized",
                "Send an API token (Authorization: Bearer ...) or an agent's credentials (HTTP Basic).");
    }

    /** The database cannot be reached: 503, and when to try again. */
    void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        write(response, 503, "Service Unavailable", DatabaseOutage.API_DETAIL);
    }

    /** Whether the request is the API's, answered in problem+json, rather than a page's. */
    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, 403, "Forbidden", "Your role does not allow this.");
    }

    void write(HttpServletResponse response, int status, String title, @Nullable String detail) throws IOException {
        write(response, status, title, detail, null);
    }

    /** With one field problem listed under {@code errors}, as the API's validation answers do. */
    void write(
            HttpServletResponse response,
            int status,
            String title,
            @Nullable String detail,
            @Nullable Map<String, String> fieldProblem)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (fieldProblem != null) body.put("errors", List.of(fieldProblem));
        json.writeValue(response.getOutputStream(), body);
    }
}

package org.firstline.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Firstline\", Bearer");
        String detail = e.getMessage() != null && e.getMessage().startsWith("Too many")
                ? e.getMessage()
                : "Send an API token (Authorization: Bearer ...) or an agent's credentials (HTTP Basic).";
        write(response, 401, "Unauthorized", detail);
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(response, 403, "Forbidden", "Your role does not allow this.");
    }

    void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        json.writeValue(response.getOutputStream(), body);
    }
}

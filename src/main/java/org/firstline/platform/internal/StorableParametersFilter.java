package org.firstline.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Query and form parameters PostgreSQL cannot store (a NUL character, half a surrogate pair) are a 400 naming the
 * parameter, before any of them reaches a query. Multipart forms are checked by their query string only: their
 * fields are read later, and file names are cleaned where attachments are stored.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class StorableParametersFilter extends OncePerRequestFilter {
    private final ProblemResponses problems;

    StorableParametersFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refused;
        try {
            refused = refusedParameter(request);
        } catch (IllegalStateException | IllegalArgumentException undecodable) {
            // Tomcat's refusal of a parameter that is not well-formed UTF-8 (or too many of them): the client's fault
            refused = "?";
        }
        if (refused == null) {
            chain.doFilter(request, response);
            return;
        }
        String detail = refused.equals("?")
                ? "A parameter in the address or form is not well-formed UTF-8 or cannot be stored."
                : "Parameter '" + refused + "' " + StorableTextDeserializer.REFUSAL + ".";
        if (ProblemResponses.isApi(request)) {
            problems.write(
                    response,
                    400,
                    "Bad Request",
                    detail,
                    refused.equals("?") ? null : Map.of("field", refused, "message", StorableTextDeserializer.REFUSAL));
            return;
        }
        response.setStatus(400);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream()
                .write(("<!doctype html><title>Not accepted</title><h1>Not accepted</h1><p>"
                                + HtmlUtils.htmlEscape(detail) + " Go back and remove it.</p>")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String refusedParameter(HttpServletRequest request) {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            String query = request.getQueryString();
            return query != null && query.toLowerCase(Locale.ROOT).contains("%00") ? "query" : null;
        }
        for (var entry : request.getParameterMap().entrySet()) {
            if (!StorableTextDeserializer.storable(entry.getKey())) return "?";
            for (String value : entry.getValue()) {
                if (!StorableTextDeserializer.storable(value)) return entry.getKey();
            }
        }
        return null;
    }
}

package org.firstline.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of everything, sessions included (they live in the database too): while the {@link DatabaseWatch} sees the
 * database down, requests get a 503 at once instead of waiting for a connection; a request that meets the outage
 * half-way gets the same 503.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {
    /** Set on a request let through while the database is away, so a public page can say so instead of trying. */
    static final String DATABASE_AWAY = "firstline.database-away";

    private final DatabaseWatch watch;
    private final DatabaseOutage outage;

    DatabaseOutageFilter(DatabaseWatch watch, DatabaseOutage outage) {
        this.watch = watch;
        this.outage = outage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!watch.available()) {
            if (needsDatabase(request)) {
                outage.answer(request, response);
                return;
            }
            request.setAttribute(DATABASE_AWAY, Boolean.TRUE);
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) throw e;
            outage.answer(request, response, e);
        }
    }

    private static boolean needsDatabase(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/actuator/health")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/img/")
                || path.startsWith("/webjars/")
                || path.equals("/favicon.svg")
                // the public status page answers from memory; its own forms say when they cannot be saved
                || path.equals("/status")
                || path.startsWith("/status/")
                || ticketFormFromMemory(request.getMethod(), path));
    }

    /** The public ticket form answers these from memory, so it shows (and keeps what was typed) during an outage. */
    static boolean ticketFormFromMemory(String method, String path) {
        return switch (method) {
            case "GET" ->
                path.equals("/request")
                        || path.equals("/request/banner")
                        || path.equals("/request/live")
                        || path.equals("/widget.js");
            case "POST" -> path.equals("/request/suggestions") || path.startsWith("/request/views/");
            default -> false;
        };
    }
}

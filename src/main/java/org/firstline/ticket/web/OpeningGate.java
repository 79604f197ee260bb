package org.firstline.ticket.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * New tickets over the API and the new-ticket form are opened a few at a time, in arrival order; the rest wait their
 * turn before they take a database connection. During a surge (an incident, hundreds of customers at once) the desk
 * then still finds connections and CPU to answer agents, and the database does the same work with less contention.
 */
@Component
class OpeningGate extends OncePerRequestFilter {
    private final Semaphore permits;

    OpeningGate(@Value("${firstline.ticket.concurrent-opens:4}") int concurrentOpens) {
        this.permits = new Semaphore(Math.max(1, concurrentOpens), true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) return true;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api/v1/tickets") || path.equals("/tickets/new"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("stopped while waiting to open a ticket", e);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}

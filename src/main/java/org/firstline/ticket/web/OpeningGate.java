package org.firstline.ticket.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.firstline.ticket.OpeningTurns;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** New tickets over the API and the new-ticket form wait for their turn ({@link OpeningTurns}) before anything else. */
@Component
class OpeningGate extends OncePerRequestFilter {
    private final OpeningTurns turns;

    OpeningGate(OpeningTurns turns) {
        this.turns = turns;
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
            turns.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("stopped while waiting to open a ticket", e);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.give();
        }
    }
}

package org.firstline.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.firstline.platform.ApiTokenResolver;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <token>} API calls; an unknown or revoked token is a 401. */
class BearerTokenFilter extends OncePerRequestFilter {
    private final ApiTokenResolver tokens;
    private final ProblemResponses problems;

    BearerTokenFilter(ApiTokenResolver tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var agent = tokens.resolve(header.substring(7).trim());
        if (agent.isEmpty() || !agent.get().active()) {
            problems.write(response, 401, "Unauthorized", "The API token is unknown or has been revoked.");
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                agent.get(), null, agent.get().getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

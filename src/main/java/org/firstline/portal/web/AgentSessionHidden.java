package org.firstline.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An agent who also opens the portal in the same browser sends the agents' session cookie with it. The portal must
 * never act on it, so it is hidden from everything behind this filter (the session store included) on the portal's
 * paths: the agent is a stranger to the portal until they sign in there as a contact.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class AgentSessionHidden extends OncePerRequestFilter {
    static final String AGENT_COOKIE = "SESSION";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/portal") || path.startsWith("/portal/") || path.startsWith("/api/portal/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new WithoutAgentSession(request), response);
    }

    private static final class WithoutAgentSession extends HttpServletRequestWrapper {
        WithoutAgentSession(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Cookie @Nullable [] getCookies() {
            Cookie[] all = super.getCookies();
            if (all == null) return null;
            Cookie[] kept = Arrays.stream(all)
                    .filter(c -> !AGENT_COOKIE.equals(c.getName()))
                    .toArray(Cookie[]::new);
            return kept.length == 0 ? null : kept;
        }

        @Override
        public @Nullable String getHeader(String name) {
            if (!"cookie".equalsIgnoreCase(name)) return super.getHeader(name);
            List<String> kept = kept();
            return kept.isEmpty() ? null : String.join("; ", kept);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (!"cookie".equalsIgnoreCase(name)) return super.getHeaders(name);
            List<String> kept = kept();
            return kept.isEmpty()
                    ? Collections.emptyEnumeration()
                    : Collections.enumeration(List.of(String.join("; ", kept)));
        }

        private List<String> kept() {
            return Collections.list(super.getHeaders("cookie")).stream()
                    .flatMap(header -> Arrays.stream(header.split(";")))
                    .map(String::strip)
                    .filter(pair -> !pair.isEmpty() && !pair.startsWith(AGENT_COOKIE + "="))
                    .toList();
        }

        @Override
        public @Nullable String getRequestedSessionId() {
            return null;
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            return false;
        }
    }
}

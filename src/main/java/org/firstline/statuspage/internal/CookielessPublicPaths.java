package org.firstline.statuspage.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The status page needs no cookie, and a signed-in agent's session cookie would make the session store (PostgreSQL)
 * look the session up as soon as anything asks for it, e.g. Spring MVC's flash attributes on every request. Hidden
 * from the session filter, which runs after this one, the page never touches the database and keeps answering
 * while it is down.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CookielessPublicPaths extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/status")
                || path.startsWith("/status/")
                // the files those pages load, and the public ticket form, are wanted most while the database is away
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/img/")
                || path.startsWith("/webjars/")
                || path.equals("/favicon.svg")
                || path.equals("/widget.js")
                || path.equals("/request")
                || path.startsWith("/request/")
                // the public knowledge base reads articles only; an agent's cookie must not make it look up a session
                || path.equals("/kb")
                || path.startsWith("/kb/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new WithoutCookies(request), response);
    }

    private static final class WithoutCookies extends HttpServletRequestWrapper {
        WithoutCookies(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Cookie @Nullable [] getCookies() {
            return null;
        }

        @Override
        public @Nullable String getHeader(String name) {
            return "cookie".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "cookie".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public @Nullable String getRequestedSessionId() {
            return null;
        }
    }
}

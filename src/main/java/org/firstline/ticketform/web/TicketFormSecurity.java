package org.firstline.ticketform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The public form's own door, ahead of the agents' web UI: nobody signs in, and nothing here may make an HTTP session
 * (sessions live in PostgreSQL, and the form must answer while it is down). Forgery is stopped without a session:
 * see {@link FormGuard}. Every page is under a strict Content-Security-Policy (no inline script or style); only the
 * form opened as the widget ({@code ?embed=1}) may be framed, by the origins in
 * {@code firstline.ticket-form.frame-ancestors} (any, by default, since the widget is meant for customers' sites).
 */
@Configuration(proxyBeanMethods = false)
class TicketFormSecurity {
    static final String[] PATHS = {"/request", "/request/**", "/widget.js"};

    @Bean
    @Order(0)
    SecurityFilterChain ticketForm(
            HttpSecurity http, @Value("${firstline.ticket-form.frame-ancestors:*}") String frameAncestors)
            throws Exception {
        http.securityMatcher(PATHS)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> {})
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(headers -> headers.frameOptions(frame -> frame.disable())
                        .addHeaderWriter(new FormHeaders(frameAncestors)));
        return http.build();
    }

    /** The policy per request: the embedded form may be framed, nothing else. */
    record FormHeaders(String frameAncestors) implements HeaderWriter {
        @Override
        public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
            String query = request.getQueryString();
            boolean embed = "GET".equals(request.getMethod())
                    && request.getRequestURI().equals(request.getContextPath() + "/request")
                    && query != null
                    && ("&" + query + "&").contains("&embed=1&");
            response.setHeader(
                    "Content-Security-Policy",
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors "
                            + (embed ? frameAncestors : "'none'"));
            if (!embed) response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "same-origin");
        }
    }
}

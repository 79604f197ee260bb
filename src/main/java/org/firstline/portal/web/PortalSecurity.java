package org.firstline.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.firstline.portal.internal.CustomerDirectory;
import org.firstline.portal.internal.PortalSessions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The customers' door, ahead of the agents': its own cookie ({@link PortalCookies}) and session table, never the
 * agents' session (their cookie is not even read here, {@link AgentSessionHidden}), and an agent's session grants
 * nothing here, as a customer's grants nothing elsewhere. Forms and the customer API are protected from forgery by a
 * token whose copy lives in a cookie of its own, so no server session is needed. Public knowledge-base articles are
 * outside this door ({@code /kb}); the sign-in pages are the only ones here open to everyone.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {
    static final String[] PATHS = {"/portal", "/portal/**", "/api/portal/**"};

    @Bean
    @Order(0)
    SecurityFilterChain portal(HttpSecurity http, PortalSessions sessions, CustomerDirectory directory)
            throws Exception {
        var csrfCookies = new SteadyCsrfCookies();
        http.securityMatcher(PATHS)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // asking for a link by API needs no token: it only mails a link that works in the asking browser
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookies).ignoringRequestMatchers("/api/portal/v1/sign-in"))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .anonymous(anonymous -> {})
                .addFilterAfter(new CustomerSessionFilter(sessions, directory), SecurityContextHolderFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(PortalSecurity::signInFirst)
                        .accessDeniedHandler((request, response, denied) -> refused(request, response)))
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers(HttpMethod.GET, "/portal/sign-in", "/portal/sign-in/*")
                                .permitAll()
                                .requestMatchers(HttpMethod.POST, "/portal/sign-in", "/api/portal/v1/sign-in")
                                .permitAll()
                                .anyRequest()
                                .hasRole(CustomerSessionFilter.ROLE))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "connect-src 'self'; object-src 'none'; base-uri 'none'; "
                                        + "frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static void signInFirst(
            HttpServletRequest request,
            HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e)
            throws IOException {
        if (isApi(request)) {
            PortalProblems.write(response, 401, "Unauthorized", "Sign in to the portal first.");
        } else {
            response.sendRedirect(request.getContextPath() + "/portal/sign-in");
        }
    }

    /** Mostly a form sent without its token (an old page, or another site posting): say so, nothing changed. */
    private static void refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (isApi(request)) {
            PortalProblems.write(
                    response,
                    403,
                    "Forbidden",
                    "Send the X-CSRF-TOKEN header with the token from GET /api/portal/v1/me.");
        } else {
            response.sendRedirect(request.getContextPath() + "/portal/sign-in?expired");
        }
    }
}

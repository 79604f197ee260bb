package org.firstline.platform.internal;

import org.firstline.platform.AgentAccounts;
import org.firstline.platform.AgentRole;
import org.firstline.platform.ApiTokenResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors: the JSON API (bearer tokens or HTTP Basic, no session, answers in problem+json) and the web UI
 * (form sign-in, session cookie, CSRF on every form).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] WRITERS = {
        AgentRole.ADMIN.name(), AgentRole.AGENT.name(), AgentRole.ACCOUNT_MANAGER.name()
    };

    /**
     * No observation of each security filter: the property that turns them off still wraps every filter of every
     * request in a no-op observation, a measurable share of a cheap request such as an alert post.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(
            UserDetailsService users, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        var dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            ApiTokenResolver tokens,
            AuthenticationManager authenticationManager,
            ProblemResponses problems)
            throws Exception {
        http.securityMatcher("/api/**", "/actuator/prometheus")
                .authenticationManager(authenticationManager)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized))
                .addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .authorizeHttpRequests(auth -> auth
                        // signed by the sender instead of authenticated: checked by the controller
                        .requestMatchers(HttpMethod.POST, "/api/v1/hooks/**")
                        .permitAll()
                        // calendar apps cannot sign in: the secret token in the address is the credential
                        .requestMatchers(HttpMethod.GET, "/api/v1/calendar-feeds/*.ics")
                        .permitAll()
                        // the survey's token in the body is the credential, as in the mail's link
                        .requestMatchers(HttpMethod.POST, "/api/v1/satisfaction/answers")
                        .permitAll()
                        .requestMatchers(
                                "/api/v1/api-tokens/**",
                                "/api/v1/mailboxes/**",
                                "/api/v1/email/**",
                                "/api/v1/integrations/**",
                                "/api/v1/webhooks/**")
                        .hasRole(AgentRole.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/**", "/actuator/prometheus")
                        .authenticated()
                        .requestMatchers(
                                "/api/v1/agents/**",
                                "/api/v1/teams/**",
                                "/api/v1/plans/**",
                                "/api/v1/labels/**",
                                "/api/v1/ownership-rules/**",
                                "/api/v1/triage/classifier/**",
                                "/api/v1/triage/teams/*/on-duty",
                                "/api/v1/sla/calendars/**",
                                "/api/v1/sla/policies/**",
                                "/api/v1/escalation-policies/**")
                        .hasRole(AgentRole.ADMIN.name())
                        .anyRequest()
                        .hasAnyRole(WRITERS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            AgentAccounts accounts,
            DatabaseOutage outage)
            throws Exception {
        var signIn = new LoginUrlAuthenticationEntryPoint("/login");
        // a path, not an address built from the Host header
        signIn.setFavorRelativeUris(true);
        http.authenticationManager(authenticationManager)
                .addFilterAfter(new CurrentAgentFilter(accounts), SecurityContextHolderFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signIn)
                        .accessDeniedHandler((request, response, denied) -> {
                            // a form without its token is not about the role: the error page says what happened
                            if (denied instanceof org.springframework.security.web.csrf.CsrfException) {
                                request.setAttribute(ProblemErrorController.FORM_EXPIRED, Boolean.TRUE);
                            }
                            response.sendError(403);
                        }))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/favicon.svg",
                                "/webjars/**",
                                "/error",
                                "/actuator/health/**",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/approvals/**",
                                "/resolutions/**",
                                "/survey/**",
                                // the page's link is the credential, as in the mail
                                "/pages/**")
                        .permitAll()
                        .requestMatchers("/actuator/**", "/admin/**")
                        .hasRole(AgentRole.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/**")
                        .authenticated()
                        .anyRequest()
                        .hasAnyRole(WRITERS))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new SignInSuccessHandler())
                        .failureHandler(new SignInFailureHandler(outage)))
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(
                                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                                + "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}

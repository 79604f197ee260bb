package org.firstline.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The door of pages anyone may read without signing in (the status page, the public knowledge base): no session read
 * or made (the security context lives for the request only), no sign-in, no forms of Spring's to forge, and a strict
 * Content-Security-Policy of the module's own.
 */
public final class PublicPagesSecurity {
    private PublicPagesSecurity() {}

    public static SecurityFilterChain readOnly(HttpSecurity http, String csp, ReferrerPolicy referrer, String... paths)
            throws Exception {
        http.securityMatcher(paths)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(csp))
                        .referrerPolicy(policy -> policy.policy(referrer)));
        return http.build();
    }
}

package org.firstline.statuspage.internal;

import org.firstline.platform.PublicPagesSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The status page's own door, in front of the agents' one: open to everyone, no session, no sign-in, nothing read
 * from or written to the database on the way in (sessions live there), and a CSP without any inline script or style.
 * The subscribe form's CSRF defence is stateless, in {@link SubscribeGuard}.
 */
@Configuration(proxyBeanMethods = false)
class StatusPageSecurity {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain statusPage(HttpSecurity http) throws Exception {
        return PublicPagesSecurity.readOnly(
                http, CSP, ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER, "/status", "/status/**");
    }
}

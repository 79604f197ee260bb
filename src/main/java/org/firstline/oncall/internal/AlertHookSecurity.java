package org.firstline.oncall.internal;

import org.firstline.platform.PublicPagesSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The alert hooks' own door, in front of the API's: their {@code Authorization} header carries a source's token (as a
 * bearer token, or as the password of HTTP Basic, which Alertmanager's http_config can send), not an agent's, so the
 * API's bearer and Basic sign-in must not read it. The controller checks the token.
 */
@Configuration(proxyBeanMethods = false)
class AlertHookSecurity {
    @Bean
    @Order(0)
    SecurityFilterChain alertHooks(HttpSecurity http) throws Exception {
        return PublicPagesSecurity.readOnly(
                http,
                "default-src 'none'; frame-ancestors 'none'",
                ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER,
                "/api/v1/hooks/alertmanager",
                "/api/v1/hooks/alerts",
                "/api/v1/hooks/heartbeat/*");
    }
}

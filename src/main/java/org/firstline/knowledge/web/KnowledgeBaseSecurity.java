package org.firstline.knowledge.web;

import org.firstline.platform.PublicPagesSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The public knowledge base's own door, in front of the agents' one: open to everyone, no session made or read (a
 * signed-in agent is a reader like any other here, so an internal article never shows), and a CSP without inline
 * script or style. The pages only read, so there is no form to forge.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeBaseSecurity {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain knowledgeBase(HttpSecurity http) throws Exception {
        return PublicPagesSecurity.readOnly(
                http, CSP, ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN, "/kb", "/kb/**");
    }
}

package org.firstline.platform.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Pages link static files by fixed paths, so links need no rewriting. The rewriting filter that comes with the webjar
 * resource chain looked every link of a page up among the resource locations: more than half of a ticket page's time.
 */
@Configuration(proxyBeanMethods = false)
class StaticLinksConfiguration {
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}

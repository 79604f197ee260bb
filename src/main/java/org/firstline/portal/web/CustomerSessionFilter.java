package org.firstline.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.firstline.portal.internal.CustomerDirectory;
import org.firstline.portal.internal.PortalSessions;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who the portal's cookie belongs to, read on every request: the session must be live and its contact still have an
 * address; their organizations come with them, as the directory has them now. A cookie that no longer names a
 * session is cleared.
 */
class CustomerSessionFilter extends OncePerRequestFilter {
    static final String ROLE = "CUSTOMER";

    private final PortalSessions sessions;
    private final CustomerDirectory directory;

    CustomerSessionFilter(PortalSessions sessions, CustomerDirectory directory) {
        this.sessions = sessions;
        this.directory = directory;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = PortalCookies.read(request, PortalCookies.SESSION);
        if (secret != null) {
            var customer = sessions.find(secret).flatMap(directory::customer);
            if (customer.isPresent()) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        customer.get(), null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
                SecurityContextHolder.setContext(context);
            } else {
                PortalCookies.clear(request, response, PortalCookies.SESSION);
            }
        }
        chain.doFilter(request, response);
    }
}

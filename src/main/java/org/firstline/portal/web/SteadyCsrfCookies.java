package org.firstline.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * The portal's forgery token, kept in a cookie for as long as the browser keeps it. Without a server session the
 * portal authenticates the customer afresh on every request, and Spring Security would take that for a new sign-in
 * and clear the token each time, breaking every form open in another tab (and the API's token between two calls).
 * Clearing is refused here; signing in and out set the session cookie, not this one.
 */
final class SteadyCsrfCookies implements CsrfTokenRepository {
    private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

    SteadyCsrfCookies() {
        cookies.setCookieName(PortalCookies.CSRF);
        cookies.setHeaderName("X-CSRF-TOKEN");
        cookies.setCookiePath("/");
        cookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return cookies.generateToken(request);
    }

    @Override
    public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token != null) cookies.saveToken(token, request, response);
    }

    @Override
    public @Nullable CsrfToken loadToken(HttpServletRequest request) {
        return cookies.loadToken(request);
    }
}

package org.firstline.portal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The portal's cookies, all HttpOnly and SameSite=Lax, Secure when the request came over HTTPS: the customer's
 * session, the browser's own secret a sign-in link is bound to, and the copy of the forgery-protection token.
 */
final class PortalCookies {
    static final String SESSION = "FIRSTLINE_PORTAL";
    static final String BROWSER = "FIRSTLINE_PORTAL_BROWSER";
    static final String CSRF = "FIRSTLINE_PORTAL_CSRF";

    private PortalCookies() {}

    static @Nullable String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return null;
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && !cookie.getValue().isBlank()) return cookie.getValue();
        }
        return null;
    }

    static void write(
            HttpServletRequest request, HttpServletResponse response, String name, String value, Duration maxAge) {
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(name, value)
                        .path("/")
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .sameSite("Lax")
                        .maxAge(maxAge)
                        .build()
                        .toString());
    }

    static void clear(HttpServletRequest request, HttpServletResponse response, String name) {
        write(request, response, name, "", Duration.ZERO);
    }
}

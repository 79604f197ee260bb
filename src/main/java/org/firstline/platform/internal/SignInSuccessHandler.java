package org.firstline.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * After sign-in, back to the page that asked for it, by path only: the saved address was built from the request's
 * Host header, which anyone can set, so a full address could send the agent to another site.
 */
class SignInSuccessHandler implements AuthenticationSuccessHandler {
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        var saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        response.sendRedirect(
                request.getContextPath() + (saved == null ? "/tickets" : pathOf(saved.getRedirectUrl(), request)));
    }

    static String pathOf(String url, HttpServletRequest request) {
        try {
            URI uri = URI.create(url);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) return "/tickets";
            path = path.substring(request.getContextPath().length());
            return (path.isEmpty() ? "/tickets" : path) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "/tickets";
        }
    }
}

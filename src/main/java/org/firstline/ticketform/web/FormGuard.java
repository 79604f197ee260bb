package org.firstline.ticketform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Cross-site request forgery defence without a session, in two layers. (1) The browser says where a request comes
 * from: {@code Sec-Fetch-Site} must be same-origin (or none, a typed address), else {@code Origin}, when sent, must
 * be this site; another site's page can set neither. (2) The form carries a token signed by the server for this view
 * and time ({@code FormSigner}), so a post needs a page this server served in the last hours: a forged cross-site
 * form from an old browser that sends neither header still lacks it.
 */
final class FormGuard {
    private FormGuard() {}

    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) return site.equals("same-origin") || site.equals("none");
        String origin = request.getHeader("Origin");
        if (origin == null) return true;
        String host = hostOf(origin);
        return host != null && host.equalsIgnoreCase(String.valueOf(request.getHeader("Host")));
    }

    private static @Nullable String hostOf(String origin) {
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) return null;
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

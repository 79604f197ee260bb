package org.firstline.statuspage.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.firstline.platform.FirstlineSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * CSRF defence for the subscribe form, without a session (the status page has none, so it keeps answering while the
 * database, where sessions live, is down). Two checks, both needed:
 *
 * <ol>
 *   <li>Where the browser says where the form came from, it must be us: {@code Sec-Fetch-Site} is
 *       {@code same-origin} (or {@code none}, typed by the person), and {@code Origin}, when sent, is our own
 *       origin. Browsers send these on every cross-site POST and pages cannot forge them.
 *   <li>The form carries a token we signed, naming when it expires and the address it was handed to; another site
 *       can fetch a token for itself, but not one for its visitor's address, which covers browsers too old to send
 *       the headers above.
 * </ol>
 *
 * The worst a forged subscription could do is ask an address to confirm; these checks keep even that to our page.
 */
@Component
public class SubscribeGuard {
    static final Duration TOKEN_LIFE = Duration.ofHours(6);
    private static final Logger log = LoggerFactory.getLogger(SubscribeGuard.class);

    private final PageKey key;
    private final Clock clock;
    private final @Nullable String publicOrigin;

    SubscribeGuard(PageKey key, Clock clock, FirstlineSettings settings) {
        this.key = key;
        this.clock = clock;
        this.publicOrigin = origin(settings.publicUrl());
    }

    /** A token for the form, handed to this client; empty when the key cannot be read (the database is away). */
    public String newToken(HttpServletRequest request) {
        try {
            long expires = clock.instant().plus(TOKEN_LIFE).getEpochSecond();
            return expires + "." + key.sign("subscribe:" + expires + ":" + request.getRemoteAddr());
        } catch (RuntimeException e) {
            log.debug("No subscribe token: the page key cannot be read", e);
            return "";
        }
    }

    /** True when the POST comes from our own form, as handed to this client and not yet expired. */
    public boolean allows(HttpServletRequest request, @Nullable String token) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) return false;
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request)) return false;
        if (token == null) return false;
        int dot = token.indexOf('.');
        if (dot <= 0) return false;
        long expires;
        try {
            expires = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (expires < clock.instant().getEpochSecond()) return false;
        return key.verify("subscribe:" + expires + ":" + request.getRemoteAddr(), token.substring(dot + 1));
    }

    private boolean sameOrigin(String origin, HttpServletRequest request) {
        String normalized = origin(origin);
        if (normalized == null) return false;
        if (normalized.equals(publicOrigin)) return true;
        // reached directly rather than through the public address, e.g. on the host itself
        String own = origin(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
        return normalized.equals(own);
    }

    /** scheme://host:port with the default port written out, so equal origins compare equal. */
    static @Nullable String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) return null;
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package org.firstline.integration.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps Firstline's outgoing HTTP outside: only http(s), and only to hosts whose every address is public
 * ({@link PublicAddressPolicy}). Checked when a URL is saved, so the admin hears why at once, and again before every
 * call, after resolving the name, so a name that later points inside (DNS rebinding) is still refused. The only way in
 * is {@code firstline.outbound.allowed-hosts}, a setting of the deployment that no API or page can change.
 */
@Component
public class OutboundGuard {
    /** Why a call is not made; permanent when asking again will not change the answer. */
    record Refusal(String reason, boolean permanent) {}

    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowedHosts;
    private final Resolver resolver;

    @Autowired
    OutboundGuard(@Value("${firstline.outbound.allowed-hosts:}") String allowedHosts) {
        this(allowedHosts, InetAddress::getAllByName);
    }

    OutboundGuard(String allowedHosts, Resolver resolver) {
        this.allowedHosts = Arrays.stream(allowedHosts.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(OutboundGuard::normalise)
                .toList();
        this.resolver = resolver;
    }

    /** When a URL is saved: refuses, naming the field, a URL Firstline would not call. Blank is "not set" and passes. */
    public void checkUrl(String field, @Nullable String value) {
        if (value == null || value.isBlank()) return;
        URI uri = parse(value.strip())
                .orElseThrow(() -> new InvalidRequestException(field, "must be an http or https URL"));
        if (allowed(uri.getHost())) return;
        specialName(uri.getHost()).ifPresent(reason -> {
            throw new InvalidRequestException(field, "must point to a public address: " + reason);
        });
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            // a name not (yet) in DNS is accepted: it may be created after the hook, and every call checks it again
            // anyway
            return;
        }
        refusal(uri.getHost(), addresses).ifPresent(reason -> {
            throw new InvalidRequestException(field, "must point to a public address: " + reason);
        });
    }

    /** Before a call: empty when it may go ahead. */
    Optional<Refusal> check(String url) {
        Optional<URI> uri = parse(url);
        if (uri.isEmpty()) return Optional.of(new Refusal("refused: the address is not an http or https URL", true));
        String host = uri.get().getHost();
        if (allowed(host)) return Optional.empty();
        try {
            return refusal(host, resolver.resolve(host))
                    .map(reason -> new Refusal(
                            "refused: " + reason
                                    + "; Firstline only calls public addresses (see firstline.outbound.allowed-hosts)",
                            true));
        } catch (UnknownHostException e) {
            // DNS may be down for a moment: worth another try, like any connection failure
            return Optional.of(new Refusal("could not resolve " + host, false));
        }
    }

    /**
     * Names that are never public whatever DNS says (RFC 6761 and friends: localhost, .local, .internal …) and numbers
     * that other programs read as an address though Java does not (0x7f000001, 017700000001): refused when saved,
     * without asking DNS, which may not know them yet.
     */
    static Optional<String> specialName(String host) {
        String h = normalise(host);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        for (String suffix :
                List.of("localhost", "local", "internal", "localdomain", "home.arpa", "lan", "intranet", "corp")) {
            if (h.equals(suffix) || h.endsWith("." + suffix))
                return Optional.of(host + " is a name for a local or internal network");
        }
        boolean numeric = h.matches("(0x[0-9a-f]+|[0-9]+)(\\.(0x[0-9a-f]+|[0-9]+))*");
        boolean dottedQuad = h.matches("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
        if (numeric && !dottedQuad) {
            return Optional.of(
                    host + " is a number some programs read as an IP address; write the address in dotted form");
        }
        return Optional.empty();
    }

    private Optional<String> refusal(String host, InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            Optional<String> why = PublicAddressPolicy.refusal(address);
            if (why.isPresent()) {
                String ip = address.getHostAddress();
                String name = normalise(host).equals(normalise(ip)) ? ip : host + " resolves to " + ip + ", which";
                return Optional.of(name + " is " + why.get());
            }
        }
        return Optional.empty();
    }

    private boolean allowed(String host) {
        String h = normalise(host);
        if (allowedHosts.contains(h)) return true;
        // 127.0.0.1 in the list also lets in ::ffff:127.0.0.1 and other spellings of the same address
        Optional<InetAddress> ip = PublicAddressPolicy.literal(h);
        return ip.isPresent()
                && allowedHosts.stream().map(PublicAddressPolicy::literal).anyMatch(ip::equals);
    }

    private static Optional<URI> parse(String url) {
        try {
            URI uri = URI.create(url);
            boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}

package org.firstline.integration.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which addresses Firstline may send data to: only public ones. Anything inside (loopback, private networks, link-local
 * and the cloud metadata service on it, carrier-grade NAT, multicast, reserved) is refused, whichever IPv6 spelling
 * carries it, so a webhook cannot be used to read or poke the network Firstline runs in.
 */
final class PublicAddressPolicy {
    private PublicAddressPolicy() {}

    /** Why the address is refused, or empty when it is a public one. */
    static Optional<String> refusal(InetAddress address) {
        if (address instanceof Inet6Address v6) return refusal6(v6);
        return refusal4(address.getAddress());
    }

    private static Optional<String> refusal4(byte[] a) {
        int b0 = a[0] & 0xff, b1 = a[1] & 0xff, b2 = a[2] & 0xff;
        if (b0 == 169 && b1 == 254) return reason("a link-local address (this includes the cloud metadata service)");
        if (b0 == 127) return reason("a loopback address");
        if (b0 == 0) return reason("an unspecified address");
        if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168))
            return reason("a private address");
        if (b0 == 100 && (b1 & 0xc0) == 64) return reason("a shared (carrier-grade NAT) address");
        if (b0 >= 224 && b0 <= 239) return reason("a multicast address");
        // IETF protocol assignments, benchmarking, reserved and broadcast: never a service on the internet
        if ((b0 == 192 && b1 == 0 && b2 == 0) || (b0 == 198 && (b1 & 0xfe) == 18) || b0 >= 240)
            return reason("a reserved address");
        return Optional.empty();
    }

    private static Optional<String> refusal6(Inet6Address address) {
        byte[] a = address.getAddress();
        if (address.isAnyLocalAddress()) return reason("an unspecified address");
        if (address.isLoopbackAddress()) return reason("a loopback address");
        if ((a[0] & 0xfe) == 0xfc) return reason("a private address");
        if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80) return reason("a link-local address");
        // fec0::/10 site-local: deprecated, and private wherever it is still used
        if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0xc0) return reason("a private address");
        if ((a[0] & 0xff) == 0xff) return reason("a multicast address");
        byte[] embedded = embeddedIpv4(a);
        return embedded == null ? Optional.empty() : refusal4(embedded);
    }

    /**
     * The IPv4 address inside an IPv6 one that reaches it: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64
     * (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::). Without this ::ffff:169.254.169.254 would pass as "IPv6".
     */
    static byte @Nullable [] embeddedIpv4(byte[] a) {
        boolean tenZeroBytes = Arrays.equals(a, 0, 10, new byte[10], 0, 10);
        boolean mapped = tenZeroBytes && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
        boolean compatible = tenZeroBytes && a[10] == 0 && a[11] == 0;
        boolean nat64 = (a[0] & 0xff) == 0x00
                && (a[1] & 0xff) == 0x64
                && (a[2] & 0xff) == 0xff
                && (a[3] & 0xff) == 0x9b
                && Arrays.equals(a, 4, 12, new byte[8], 0, 8);
        if (mapped || compatible || nat64) return Arrays.copyOfRange(a, 12, 16);
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) return Arrays.copyOfRange(a, 2, 6);
        return null;
    }

    /** Parses an IP literal without asking DNS; empty for a host name. */
    static Optional<InetAddress> literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean v4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!v4 && !h.contains(":")) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByName(h));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> reason(String what) {
        return Optional.of(what);
    }
}

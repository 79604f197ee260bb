package org.firstline.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.firstline.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;

class OutboundGuardTest {
    /** A DNS whose answers the test sets, one per lookup when several are queued (a rebinding attacker). */
    private final Map<String, Deque<String>> dns = Map.of(
            "hooks.example.org", new ArrayDeque<>(java.util.List.of("93.184.216.34")),
            "inside.example.org", new ArrayDeque<>(java.util.List.of("93.184.216.34", "10.0.0.7")),
            "metadata.example.org", new ArrayDeque<>(java.util.List.of("169.254.169.254")),
            "ci.internal", new ArrayDeque<>(java.util.List.of("10.1.2.3")));

    private final OutboundGuard guard = new OutboundGuard(" ci.internal , 127.0.0.1", this::resolve);

    private InetAddress[] resolve(String host) throws UnknownHostException {
        if (PublicAddressPolicy.literal(host).isPresent())
            return new InetAddress[] {PublicAddressPolicy.literal(host).get()};
        Deque<String> answers = dns.get(host);
        if (answers == null) throw new UnknownHostException(host);
        String answer = answers.size() > 1 ? answers.poll() : answers.peek();
        return new InetAddress[] {InetAddress.getByName(answer)};
    }

    @Test
    void refusesTheMetadataServiceWhenSavedNamingTheFieldAndTheReason() {
        assertThatThrownBy(() -> guard.checkUrl("url", "http://169.254.169.254/latest/meta-data"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("url");
                    assertThat(e.getMessage()).contains("169.254.169.254 is a link-local address");
                });
        assertThatThrownBy(() -> guard.checkUrl("slackWebhook", "https://metadata.example.org/hook"))
                .hasMessageContaining("metadata.example.org resolves to 169.254.169.254");
        assertThatThrownBy(() -> guard.checkUrl("url", "http://[::ffff:169.254.169.254]/"))
                .hasMessageContaining("link-local");
        assertThatThrownBy(() -> guard.checkUrl("url", "file:///etc/passwd")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> guard.checkUrl("url", "gopher://hooks.example.org/"))
                .hasMessageContaining("http or https");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "http://localhost./",
                "http://foo.localhost/",
                "http://printer.local/",
                "http://metadata.google.internal/",
                "http://nas.home.arpa/",
                "http://0x7f000001/",
                "http://017700000001/",
                "http://2130706433/",
                "http://127.1/",
                "http://0177.0.0.1/",
                "http://0x7f.0.0.1/"
            })
    void refusesNamesAndNumbersThatAreNeverPublicWithoutAskingDns(String url) {
        // this resolver fails every lookup: the refusal cannot come from DNS
        var noDns = new OutboundGuard("", host -> {
            throw new java.net.UnknownHostException(host);
        });
        assertThatThrownBy(() -> noDns.checkUrl("url", url))
                .hasMessageStartingWith("must ")
                .isInstanceOfSatisfying(
                        org.firstline.platform.InvalidRequestException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field())
                                .isEqualTo("url"));
    }

    @Test
    void acceptsPublicNamesUnresolvedNamesAndTheAllowList() {
        guard.checkUrl("url", "https://hooks.example.org/in");
        guard.checkUrl("url", "https://not-yet.example.org/in");
        guard.checkUrl("url", "http://ci.internal:8080/hook");
        guard.checkUrl("url", "http://CI.internal/hook");
        guard.checkUrl("url", "http://127.0.0.1:9000/");
        guard.checkUrl("url", "http://[::ffff:127.0.0.1]:9000/");
        guard.checkUrl("url", "");
        assertThatThrownBy(() -> guard.checkUrl("url", "http://127.0.0.2/")).hasMessageContaining("loopback");
    }

    @Test
    void aNameThatPointsInsideByTheTimeOfTheCallIsRefusedForGood() {
        guard.checkUrl("url", "https://inside.example.org/hook");
        var refusal = guard.check("https://inside.example.org/hook");
        assertThat(refusal).hasValueSatisfying(r -> {
            assertThat(r.permanent()).isTrue();
            assertThat(r.reason()).contains("inside.example.org resolves to 10.0.0.7, which is a private address");
        });
    }

    @Test
    void aNameThatDoesNotResolveAtTheCallIsWorthAnotherTry() {
        assertThat(guard.check("https://gone.example.org/"))
                .hasValueSatisfying(r -> assertThat(r.permanent()).isFalse());
        assertThat(guard.check("https://hooks.example.org/")).isEmpty();
        assertThat(guard.check("http://ci.internal/")).isEmpty();
        assertThat(guard.check("ftp://hooks.example.org/"))
                .hasValueSatisfying(r -> assertThat(r.permanent()).isTrue());
    }

    @Test
    void withNoAllowListEvenLocalhostIsRefused() {
        var strict = new OutboundGuard("", host -> InetAddress.getAllByName(host));
        assertThatThrownBy(() -> strict.checkUrl("url", "http://localhost:8080/"))
                .hasMessageContaining("local");
        assertThat(strict.check("http://127.0.0.1:8080/")).isPresent();
    }
}

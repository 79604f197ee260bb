package org.firstline.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.firstline.email.EmailAdministration;
import org.firstline.incident.UpdateAudience;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.firstline.support.Mails;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Double opt-in: only a confirmed address hears updates; links are used once and expire; one click unsubscribes; the
 * form answers alike for any address, refuses other sites and counts attempts. A context of its own, so the
 * confirmation goes out from this test's mail server.
 */
@TestPropertySource(
        properties = {"firstline.public-url=http://status.test", "firstline.status.subscribe-per-address=3"})
class SubscriptionIT extends ApiTest {
    private static final Pattern LINK = Pattern.compile("http://status\\.test(/status/confirm/[A-Za-z0-9_-]+)");

    static TestMailServer mail;

    @Autowired
    EmailAdministration email;

    @Autowired
    UpdateAudience audience;

    @BeforeAll
    static void startMailServer() {
        mail = new TestMailServer("status@firstline.test");
    }

    @AfterAll
    static void stopMailServer() {
        mail.close();
    }

    @BeforeEach
    void mailbox() {
        mail.mailbox(api(AgentRole.ADMIN), "Status desk");
    }

    @Test
    void onlyAConfirmedAddressIsASubscriberUntilItUnsubscribes() {
        String address = unique("ada") + "@customer.test";
        var subscribed = subscribe(address, sameOrigin());
        assertThat(subscribed.status()).isEqualTo(200);
        assertThat(subscribed.body()).contains("confirmation link is on its way");
        assertThat(subscribed.raw().headers().allValues("Set-Cookie")).isEmpty();
        assertThat(addresses()).doesNotContain(address);

        String confirm = confirmLink(address);
        var button = ApiClient.anonymous(port).get(confirm, "text/html");
        assertThat(button.status()).isEqualTo(200);
        assertThat(button.body()).contains("Confirm subscription");
        assertThat(addresses()).as("opening the link decides nothing").doesNotContain(address);

        var confirmed = ApiClient.anonymous(port).postForm(confirm, Map.of());
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Your subscription is confirmed");
        var subscriber = audience.subscribers().stream()
                .filter(s -> s.address().equals(address))
                .findFirst()
                .orElseThrow();
        assertThat(subscriber.unsubscribeUrl()).startsWith("http://status.test/status/unsubscribe/");

        var reused = ApiClient.anonymous(port).postForm(confirm, Map.of());
        assertThat(reused.status()).isEqualTo(404);
        assertThat(reused.body()).contains("expired or was already used");

        // subscribing again answers alike and mails nothing: nobody learns the address was subscribed
        int mailsBefore = mail.sentTo(address).size();
        var again = subscribe(address, sameOrigin());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(subscribed.body());
        email.sendOutbox();
        assertThat(mail.sentTo(address)).hasSize(mailsBefore);

        String unsubscribe = subscriber.unsubscribeUrl().replace("http://status.test", "");
        assertThat(ApiClient.anonymous(port).get(unsubscribe, "text/html").body())
                .contains("Unsubscribe");
        assertThat(addresses()).contains(address);
        var oneClick = ApiClient.anonymous(port)
                .postText(unsubscribe, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(addresses()).doesNotContain(address);
        assertThat(ApiClient.anonymous(port)
                        .postForm(unsubscribe.substring(0, unsubscribe.length() - 2) + "xx", Map.of())
                        .status())
                .as("a forged link")
                .isEqualTo(404);

        // after unsubscribing, a new request needs a new confirmation
        subscribe(address, sameOrigin());
        String second = confirmLink(address);
        assertThat(second).isNotEqualTo(confirm);
        assertThat(addresses()).doesNotContain(address);
        ApiClient.anonymous(port).postForm(second, Map.of());
        assertThat(addresses()).contains(address);
    }

    @Test
    void aConfirmationLinkExpiresAfterTwoDays() {
        String address = unique("bo") + "@customer.test";
        subscribe(address, sameOrigin());
        String confirm = confirmLink(address);
        clock.advance(Duration.ofHours(49));
        var late = ApiClient.anonymous(port).postForm(confirm, Map.of());
        assertThat(late.status()).isEqualTo(404);
        assertThat(addresses()).doesNotContain(address);
    }

    @Test
    void theFormRefusesOtherSitesForgedTokensBadAddressesAndFloods() {
        String address = unique("cy") + "@customer.test";
        var crossSite = subscribe(address, Map.of("Origin", "https://evil.test", "Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.status()).isEqualTo(403);
        var otherOrigin = subscribe(address, Map.of("Origin", "https://evil.test"));
        assertThat(otherOrigin.status()).isEqualTo(403);
        var noToken = ApiClient.anonymous(port)
                .postForm("/status/subscribe", Map.of("email", address, "token", "123.abc"), sameOrigin());
        assertThat(noToken.status()).isEqualTo(403);
        var bad = subscribe("not an address", sameOrigin());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("valid email address");
        email.sendOutbox();
        assertThat(mail.sentTo(address)).isEmpty();

        String flooded = unique("dee") + "@customer.test";
        for (int i = 0; i < 3; i++)
            assertThat(subscribe(flooded, sameOrigin()).status()).isEqualTo(200);
        var tooMany = subscribe(flooded.toUpperCase(), sameOrigin());
        assertThat(tooMany.status()).isEqualTo(429);
        clock.advance(Duration.ofHours(2));
        assertThat(subscribe(flooded, sameOrigin()).status()).as("a new window").isEqualTo(200);
    }

    private Map<String, String> sameOrigin() {
        return Map.of("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin");
    }

    private ApiClient.Response subscribe(String address, Map<String, String> headers) {
        var page = ApiClient.anonymous(port).get("/status", "text/html");
        var token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as("the form carries a token").isTrue();
        return ApiClient.anonymous(port)
                .postForm("/status/subscribe", Map.of("email", address, "token", token.group(1)), headers);
    }

    private String confirmLink(String address) {
        email.sendOutbox();
        var sent = mail.sentTo(address);
        assertThat(sent).isNotEmpty();
        var message = sent.getLast();
        try {
            assertThat(message.getSubject()).contains("Confirm your subscription");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        var link = LINK.matcher(Mails.text(message));
        assertThat(link.find()).as(Mails.text(message)).isTrue();
        return link.group(1);
    }

    private java.util.List<String> addresses() {
        return audience.subscribers().stream()
                .map(UpdateAudience.Subscriber::address)
                .toList();
    }
}

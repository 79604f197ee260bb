package org.firstline.ticketform.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The form's anti-forgery token, without a session: the view id and the time the page was served, signed with a key
 * every node shares (read once at start, so serving the page needs no query). A token is good for
 * {@link #LIFETIME}: long enough to write a request slowly, short enough that a harvested one soon stops working.
 */
@Component
public class FormSigner {
    static final Duration LIFETIME = Duration.ofHours(12);

    private final byte[] key;
    private final Clock clock;

    FormSigner(JdbcClient jdbc, Clock clock) {
        this.key = jdbc.sql("select secret from form_signing_key where id = 1")
                .query(String.class)
                .single()
                .getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** A token for a page served now to the view. */
    public String token(String viewId) {
        String payload = viewId + "." + clock.instant().getEpochSecond();
        return payload + "." + mac(payload);
    }

    /** True when the token was made here for this view and has not expired. */
    public boolean valid(String token, String viewId) {
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first < 0 || last <= first) return false;
        String payload = token.substring(0, last);
        byte[] given = token.substring(last + 1).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, mac(payload).getBytes(StandardCharsets.UTF_8))) return false;
        if (!payload.substring(0, first).equals(viewId)) return false;
        long issued;
        try {
            issued = Long.parseLong(payload.substring(first + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        Instant at = Instant.ofEpochSecond(issued);
        Instant now = clock.instant();
        return !at.isAfter(now.plusSeconds(60)) && at.plus(LIFETIME).isAfter(now);
    }

    /** A hash of a value kept only to be counted (a sender's IP), keyed so it cannot be reversed by guessing. */
    public String hash(String value) {
        return mac("ip:" + value);
    }

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.firstline.portal.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.firstline.directory.ContactService;
import org.firstline.email.PortalSignInMail;
import org.firstline.platform.FirstlineSettings;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.LinkTokens;
import org.firstline.platform.MailUnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in links: single use, valid for {@link #VALID_FOR}, and only in the browser that asked (the hash of a random
 * cookie that browser was given is kept with the link). A link opened anywhere else, by a mail scanner or by someone
 * who saw the mail, signs nobody in and stays usable where it was asked for. Asking answers the same whether or not
 * the address is known, so the portal never tells who our customers are.
 */
@Component
public class SignInLinks {
    public static final Duration VALID_FOR = Duration.ofMinutes(15);
    static final int PER_ADDRESS_PER_HOUR = 5;
    private static final Logger log = LoggerFactory.getLogger(SignInLinks.class);

    public enum Refusal {
        UNKNOWN,
        USED,
        EXPIRED,
        OTHER_BROWSER
    }

    /** What opening a link did: signed in {@code contactId}, or refused for {@code refusal}. */
    public record Redeemed(
            @Nullable Long contactId, @Nullable Refusal refusal) {}

    /** How the link went out: by mail, or (a demo without a mailbox) into the log. */
    public enum Delivery {
        MAILED,
        LOGGED
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ContactService contacts;
    private final PortalSignInMail mail;
    private final FirstlineSettings settings;
    private final boolean demo;
    private final int perClientPerHour;

    SignInLinks(
            JdbcClient jdbc,
            Clock clock,
            ContactService contacts,
            PortalSignInMail mail,
            FirstlineSettings settings,
            @Value("${spring.datasource.url:}") String datasourceUrl,
            // an office or a school shares one network address; the public form's limit, unless set for the portal
            @Value("${firstline.portal.network-limit-per-hour:${firstline.ticket-form.network-limit-per-hour:30}}")
                    int perClientPerHour) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.contacts = contacts;
        this.mail = mail;
        this.settings = settings;
        // the demo has no mailbox; its links go to the log, where only whoever runs it reads them
        this.demo = settings.demoData() && datasourceUrl.isBlank();
        this.perClientPerHour = perClientPerHour;
    }

    @Transactional
    public Delivery ask(String email, String browserSecret, String clientAddress) {
        String address = normalized(email);
        Instant now = clock.instant();
        Timestamp hourAgo = Timestamp.from(now.minus(Duration.ofHours(1)));
        // one lock per address, so two nodes cannot both let the fifth and sixth request through
        jdbc.sql("select pg_advisory_xact_lock(hashtext('portal-sign-in:' || ?))")
                .param(address)
                .query()
                .singleRow();
        long forAddress = jdbc.sql("select count(*) from portal_sign_in_link where email = ? and created_at > ?")
                .params(address, hourAgo)
                .query(Long.class)
                .single();
        long fromClient = jdbc.sql(
                        "select count(*) from portal_sign_in_link where client_address = ? and created_at > ?")
                .params(clientAddress, hourAgo)
                .query(Long.class)
                .single();
        if (forAddress >= PER_ADDRESS_PER_HOUR) {
            throw new PortalThrottled(
                    "Too many sign-in links were asked for this address in the last hour. Use the newest one we"
                            + " sent, or try again in an hour.",
                    3600);
        }
        if (fromClient >= perClientPerHour) {
            throw new PortalThrottled(
                    "Too many sign-in links were asked for from your network in the last hour. Try again in an hour.",
                    3600);
        }
        boolean canMail = mail.canSend();
        if (!canMail && !demo) throw new MailUnavailableException("the sign-in link");
        var contact = contacts.byEmail(address);
        String token = LinkTokens.token();
        jdbc.sql("""
                insert into portal_sign_in_link (token_hash, email, contact_id, browser_hash, client_address, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        LinkTokens.hash(token),
                        address,
                        contact.map(c -> c.id()).orElse(null),
                        LinkTokens.hash(browserSecret),
                        clientAddress,
                        Timestamp.from(now),
                        Timestamp.from(now.plus(VALID_FOR)))
                .update();
        String link = settings.publicUrl().replaceAll("/+$", "") + "/portal/sign-in/" + token;
        if (!canMail) {
            contact.ifPresent(
                    c -> log.warn("Demo without a mailbox: the portal sign-in link for {} is {}", address, link));
            return Delivery.LOGGED;
        }
        contact.ifPresent(c -> mail.send(address, c.name(), link, VALID_FOR));
        return Delivery.MAILED;
    }

    /** Uses the link if it is unused, in time and opened in the browser that asked for it. */
    @Transactional
    public Redeemed redeem(String token, @Nullable String browserSecret) {
        var row = jdbc.sql("""
                        select contact_id, browser_hash, expires_at, used_at from portal_sign_in_link
                        where token_hash = ? for update""")
                .param(LinkTokens.hash(token))
                .query((rs, n) -> new Object[] {
                    rs.getObject("contact_id", Long.class),
                    rs.getString("browser_hash"),
                    rs.getTimestamp("expires_at").toInstant(),
                    rs.getTimestamp("used_at")
                })
                .optional();
        if (row.isEmpty() || row.get()[0] == null) return new Redeemed(null, Refusal.UNKNOWN);
        Object[] link = row.get();
        if (link[3] != null) return new Redeemed(null, Refusal.USED);
        Instant now = clock.instant();
        if (!now.isBefore((Instant) link[2])) return new Redeemed(null, Refusal.EXPIRED);
        if (browserSecret == null || !LinkTokens.hash(browserSecret).equals(link[1])) {
            return new Redeemed(null, Refusal.OTHER_BROWSER);
        }
        jdbc.sql("update portal_sign_in_link set used_at = ? where token_hash = ?")
                .params(Timestamp.from(now), LinkTokens.hash(token))
                .update();
        return new Redeemed((Long) link[0], null);
    }

    /** Links older than a day have done their work (and their part in the hourly limits). */
    public int forgetOld() {
        return jdbc.sql("delete from portal_sign_in_link where created_at < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .update();
    }

    static String normalized(@Nullable String email) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty()) throw new InvalidRequestException("email", "is required");
        if (address.length() > 320 || !address.matches("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+")) {
            throw new InvalidRequestException("email", "must be an email address");
        }
        return address;
    }
}

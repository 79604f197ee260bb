package org.firstline.statuspage.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.firstline.incident.StatusBoard;
import org.firstline.incident.UpdateAudience;
import org.firstline.platform.FirstlineSettings;
import org.firstline.platform.InvalidRequestException;
import org.firstline.statuspage.SubscriptionRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail subscriptions to the status page, with double opt-in: an address is a subscriber only once its owner has
 * followed the link mailed to it, within {@link #CONFIRM_WITHIN}. Asking again never tells whether the address was
 * already subscribed. Every update's mail carries a signed link that ends the subscription in one click.
 */
@Service
public class StatusSubscriptions implements UpdateAudience {
    static final Duration CONFIRM_WITHIN = Duration.ofHours(48);
    private static final Pattern ADDRESS =
            Pattern.compile("^[^@\\s<>\"(),;:\\\\\\[\\]]+@[^@\\s<>\"(),;:\\\\\\[\\]]+\\.[^@\\s<>\"(),;:\\\\\\[\\]]+$");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PageKey key;
    private final ApplicationEventPublisher events;
    private final String statusUrl;
    private final StatusBoard board;

    StatusSubscriptions(
            JdbcClient jdbc,
            Clock clock,
            PageKey key,
            ApplicationEventPublisher events,
            FirstlineSettings settings,
            StatusBoard board) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = key;
        this.events = events;
        this.statusUrl = settings.publicUrl().replaceAll("/+$", "") + "/status";
        this.board = board;
    }

    /** The address as kept, or a refusal naming the field. */
    public static String address(String raw) {
        String address = raw.strip();
        if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            throw new InvalidRequestException("email", "is not an email address");
        }
        return address;
    }

    /** Mails a confirmation link unless the address is subscribed already; the caller cannot tell which. */
    @Transactional
    public void subscribe(String address) {
        Instant now = clock.instant();
        String token = PageKey.randomToken();
        var row = jdbc.sql("""
                        insert into status_subscriber (address, confirm_token_hash, confirm_expires_at, requested_at)
                        values (:address, :hash, :expires, :now)
                        on conflict ((lower(address))) do update
                            set confirm_token_hash = :hash, confirm_expires_at = :expires, requested_at = :now
                            where status_subscriber.confirmed_at is null or status_subscriber.unsubscribed_at is not null
                        returning id""")
                .param("address", address)
                .param("hash", PageKey.sha256(token))
                .param("expires", Timestamp.from(now.plus(CONFIRM_WITHIN)))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
        if (row.isEmpty()) return;
        events.publishEvent(
                new SubscriptionRequested(address, board.current().pageName(), statusUrl + "/confirm/" + token));
    }

    /** True when the token was valid: the address is now a subscriber and the token is used up. */
    @Transactional
    public boolean confirm(String token) {
        Instant now = clock.instant();
        return jdbc.sql("""
                                update status_subscriber
                                set confirmed_at = :now, unsubscribed_at = null, confirm_token_hash = null, confirm_expires_at = null
                                where confirm_token_hash = :hash and confirm_expires_at > :now""")
                        .param("now", Timestamp.from(now))
                        .param("hash", PageKey.sha256(token))
                        .update()
                > 0;
    }

    /** True when the link was one of ours; ending a subscription twice is no error. */
    @Transactional
    public boolean unsubscribe(String link) {
        int dot = link.indexOf('.');
        if (dot <= 0) return false;
        long id;
        try {
            id = Long.parseLong(link.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (!key.verify("unsubscribe:" + id, link.substring(dot + 1))) return false;
        jdbc.sql("update status_subscriber set unsubscribed_at = ? where id = ? and unsubscribed_at is null")
                .params(Timestamp.from(clock.instant()), id)
                .update();
        return true;
    }

    /** Confirmed addresses that have not unsubscribed, each with its own one-click link. */
    @Override
    public List<Subscriber> subscribers() {
        return jdbc.sql("""
                        select id, address from status_subscriber
                        where confirmed_at is not null and unsubscribed_at is null order by id""")
                .query((rs, n) -> new Subscriber(rs.getString("address"), unsubscribeUrl(rs.getLong("id"))))
                .list();
    }

    String unsubscribeUrl(long id) {
        return statusUrl + "/unsubscribe/" + id + "." + key.sign("unsubscribe:" + id);
    }

    static String normalized(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}

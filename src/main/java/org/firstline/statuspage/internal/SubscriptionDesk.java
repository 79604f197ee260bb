package org.firstline.statuspage.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.MailUnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * What the subscribe, confirm and unsubscribe forms answer, as a status code and a sentence for the person. The
 * database being away is said plainly (try again in a minute), never a 500 or a sign-in prompt.
 */
@Component
public class SubscriptionDesk {
    /** Set by the platform's outage filter on a request it lets through while the database is away. */
    static final String DATABASE_AWAY = "firstline.database-away";

    static final String AWAY = "We cannot save this just now: our database is briefly unavailable. "
            + "The status above is still current as of the time shown. Please try again in a minute.";
    private static final Logger log = LoggerFactory.getLogger(SubscriptionDesk.class);

    private final StatusSubscriptions subscriptions;
    private final SubscribeGuard guard;
    private final SubscribeThrottle throttle;

    SubscriptionDesk(StatusSubscriptions subscriptions, SubscribeGuard guard, SubscribeThrottle throttle) {
        this.subscriptions = subscriptions;
        this.guard = guard;
        this.throttle = throttle;
    }

    public record Answer(int status, String message) {}

    public Answer subscribe(HttpServletRequest request, @Nullable String email, @Nullable String token) {
        if (away(request)) return new Answer(503, AWAY);
        if (!guard.allows(request, token)) {
            return new Answer(
                    403, "This form has expired or did not come from this page. Please reload the page and try again.");
        }
        String address;
        try {
            address = StatusSubscriptions.address(email == null ? "" : email);
        } catch (InvalidRequestException e) {
            return new Answer(400, "Please enter a valid email address.");
        }
        if (!throttle.allow(request.getRemoteAddr(), StatusSubscriptions.normalized(address))) {
            return new Answer(429, "Too many requests. Please try again later.");
        }
        return attempt(
                () -> subscriptions.subscribe(address),
                new Answer(
                        200,
                        "Thank you. If " + address + " can receive our mail, a message with a confirmation link is on "
                                + "its way. Updates start once you follow that link."));
    }

    public Answer confirm(HttpServletRequest request, String token) {
        if (away(request)) return new Answer(503, AWAY);
        boolean[] done = new boolean[1];
        var answer = attempt(() -> done[0] = subscriptions.confirm(token), new Answer(200, ""));
        if (answer.status() != 200) return answer;
        return done[0]
                ? new Answer(200, "Your subscription is confirmed. You will receive status updates by email.")
                : new Answer(
                        404, "This confirmation link has expired or was already used. You can subscribe again below.");
    }

    public Answer unsubscribe(HttpServletRequest request, String link) {
        if (away(request)) return new Answer(503, AWAY);
        boolean[] done = new boolean[1];
        var answer = attempt(() -> done[0] = subscriptions.unsubscribe(link), new Answer(200, ""));
        if (answer.status() != 200) return answer;
        return done[0]
                ? new Answer(200, "You are unsubscribed and will receive no more status updates.")
                : new Answer(404, "This unsubscribe link is not valid.");
    }

    private static boolean away(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(DATABASE_AWAY));
    }

    /** Runs the change; a database that cannot be reached becomes the plain 503 answer. */
    private static Answer attempt(Runnable change, Answer done) {
        try {
            change.run();
            return done;
        } catch (MailUnavailableException e) {
            return new Answer(
                    503, "We cannot send mail right now, so the subscription was not started. Please try again later.");
        } catch (DataAccessException | TransactionException e) {
            log.warn("A status page subscription change could not be saved", e);
            return new Answer(503, AWAY);
        }
    }
}

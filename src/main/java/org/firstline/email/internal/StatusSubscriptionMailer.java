package org.firstline.email.internal;

import java.util.List;
import org.firstline.statuspage.SubscriptionRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Asks a new status page subscriber to confirm, from the first mailbox that can send. Queued in the transaction
 * that recorded the request; with no mailbox able to send, nothing can go out and the request waits for a new one.
 */
@Component
class StatusSubscriptionMailer {
    private static final Logger log = LoggerFactory.getLogger(StatusSubscriptionMailer.class);

    private final JdbcClient jdbc;
    private final Outbox outbox;

    StatusSubscriptionMailer(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    private record Sender(long id, String address) {}

    @EventListener
    void on(SubscriptionRequested requested) {
        var sender = jdbc.sql(
                        "select id, address from mailbox where smtp_host is not null and enabled order by id limit 1")
                .query((rs, n) -> new Sender(rs.getLong("id"), rs.getString("address")))
                .optional();
        if (sender.isEmpty()) {
            log.warn("No mailbox can send the status page subscription confirmation");
            return;
        }
        String body = """
                Hello,

                someone, probably you, asked to receive status updates of %s at this address.
                To confirm, open this link within 48 hours and press the button:

                %s

                If you did not ask for this, ignore this message: without confirmation you will receive nothing more.
                """.formatted(requested.pageName(), requested.confirmUrl());
        outbox.enqueue(
                new OutboundMail(
                        sender.get().id(),
                        null,
                        null,
                        OutboundMail.Kind.STATUS_SUBSCRIPTION,
                        List.of(requested.address()),
                        List.of(),
                        "Confirm your subscription to " + requested.pageName() + " status updates",
                        body),
                sender.get().address());
    }
}

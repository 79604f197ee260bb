package org.firstline.email.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.firstline.email.internal.InboundMailFiler.Filed;
import org.firstline.email.internal.InboundMailFiler.Origin;
import org.firstline.email.internal.InboundMailFiler.Outcome;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Component;

/**
 * The record of every message intake has read ({@code inbound_email}), raw bytes kept: keyed by its recognition key so
 * that a message read again is recognised, and saying what became of it.
 */
@Component
class InboundMessages {
    private final JdbcClient jdbc;
    private final Clock clock;

    InboundMessages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A quarantined message as it arrived, to file again. */
    @SuppressWarnings("ArrayRecordComponent") // the raw message is passed along, never compared
    record Quarantined(byte[] raw, String key, Origin origin) {}

    boolean known(String key) {
        return jdbc.sql("select count(*) from inbound_email where dedup_key = ?")
                        .param(key)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Records a readable message before it is filed; null when another reader recorded it first. */
    @Nullable
    Long record(String key, ParsedMail mail, Origin origin, byte[] raw) {
        return jdbc.sql("""
                insert into inbound_email (mailbox_id, dedup_key, message_id, sender, subject, uid_validity, uid, outcome, html, raw, received_at)
                values (?, ?, ?, ?, ?, ?, ?, 'IGNORED', ?, ?, ?) on conflict (dedup_key) do nothing returning id""")
                .params(
                        origin.mailboxId(),
                        key,
                        mail.messageId(),
                        mail.fromAddress(),
                        truncate(mail.subject(), 1000),
                        origin.uidValidity(),
                        origin.uid(),
                        mail.html(),
                        raw,
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    void settle(long id, Filed filed) {
        jdbc.sql("update inbound_email set outcome = ?, reason = ?, ticket_id = ?, ticket_message_id = ? where id = ?")
                .params(filed.outcome().name(), filed.reason(), filed.ticketId(), filed.messageId(), id)
                .update();
    }

    /**
     * Ties the message to the ticket it opened, before anything answers it (the acknowledgement threads by it), and
     * returns the ticket's first message: the one this mail became.
     */
    long openedTicket(long id, long ticketId) {
        long messageId = jdbc.sql("select min(id) from message where ticket_id = ?")
                .param(ticketId)
                .query(Long.class)
                .single();
        jdbc.sql("update inbound_email set ticket_id = ?, outcome = 'TICKET' where id = ?")
                .params(ticketId, id)
                .update();
        return messageId;
    }

    /** Messages from the sender recorded since then, not counting those held in quarantine. */
    int fromSenderSince(String sender, Instant since) {
        return jdbc.sql("""
                select count(*) from inbound_email where sender = ? and received_at > ? and outcome <> 'QUARANTINED'""")
                .params(sender, Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    /** Records a message that could not be filed, with the reason; a duplicate when it was recorded before. */
    Filed quarantine(
            byte[] raw,
            String key,
            @Nullable String messageId,
            @Nullable String sender,
            @Nullable String subject,
            Origin origin,
            @Nullable String reason) {
        int inserted = jdbc.sql("""
                insert into inbound_email (mailbox_id, dedup_key, message_id, sender, subject, uid_validity, uid, outcome, reason, raw, received_at)
                values (?, ?, ?, ?, ?, ?, ?, 'QUARANTINED', ?, ?, ?) on conflict (dedup_key) do nothing""")
                .params(
                        origin.mailboxId(),
                        key,
                        messageId,
                        sender,
                        truncate(subject, 1000),
                        origin.uidValidity(),
                        origin.uid(),
                        truncate(reason, 2000),
                        raw,
                        Timestamp.from(clock.instant()))
                .update();
        return inserted == 0
                ? new Filed(Outcome.DUPLICATE, null, null, null)
                : new Filed(Outcome.QUARANTINED, null, null, reason);
    }

    Optional<Quarantined> quarantined(long id) {
        return jdbc.sql(
                        "select raw, dedup_key, mailbox_id, uid_validity, uid from inbound_email where id = ? and outcome = 'QUARANTINED'")
                .param(id)
                .query((rs, n) -> new Quarantined(
                        rs.getBytes(1),
                        rs.getString(2),
                        new Origin(
                                rs.getObject(3, Long.class), rs.getObject(4, Long.class), rs.getObject(5, Long.class))))
                .optional();
    }

    void stillQuarantined(long id, @Nullable String reason) {
        jdbc.sql("update inbound_email set reason = ? where id = ?")
                .params(reason, id)
                .update();
    }

    /** Takes a quarantined message off the record, to be recorded again by filing it. */
    void forget(long id) {
        jdbc.sql("delete from inbound_email where id = ?").param(id).update();
    }

    @Contract("!null, _ -> !null")
    static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

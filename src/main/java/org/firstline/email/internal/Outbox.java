package org.firstline.email.internal;

import static java.util.stream.Collectors.toCollection;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.firstline.platform.FirstlineSettings;
import org.firstline.ticket.AttachmentService;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queues mail in the same transaction as the change that causes it, with the threading headers a mail client needs
 * to show it in the conversation: a Message-ID of ours, In-Reply-To the customer's latest message, References the
 * whole thread. A reply's files are fixed when it is queued: the mail carries what the agent sent, whenever it leaves.
 */
@Component
public class Outbox {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_REFERENCES = 20;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AttachmentService attachments;
    private final FirstlineSettings settings;

    Outbox(JdbcClient jdbc, Clock clock, AttachmentService attachments, FirstlineSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.attachments = attachments;
        this.settings = settings;
    }

    /** Queues the message and returns its outbox id; {@code fromAddress} is null when no mailbox can send it yet. */
    public long enqueue(OutboundMail mail, @Nullable String fromAddress) {
        List<String> thread = mail.ticketId() == null ? List.of() : threadIds(mail.ticketId());
        String inReplyTo = mail.ticketId() == null ? null : latestInbound(mail.ticketId());
        if (inReplyTo == null && !thread.isEmpty()) {
            inReplyTo = thread.get(thread.size() - 1);
        }
        List<String> references = thread.size() <= MAX_REFERENCES ? thread : new ArrayList<>(List.of(thread.get(0)));
        if (thread.size() > MAX_REFERENCES) {
            references.addAll(thread.subList(thread.size() - MAX_REFERENCES + 1, thread.size()));
        }
        Long[] files = mail.ticketMessageId() == null
                ? new Long[0]
                : attachments.list(Objects.requireNonNull(mail.ticketId(), "a message has its ticket")).stream()
                        .filter(a -> mail.ticketMessageId().equals(a.messageId()))
                        .map(a -> a.id())
                        .toArray(Long[]::new);
        var now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                insert into outbound_email (mailbox_id, ticket_id, ticket_message_id, kind, message_id, in_reply_to, references_ids,
                                            recipients, cc, subject, body, attachment_ids, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        mail.mailboxId(),
                        mail.ticketId(),
                        mail.ticketMessageId(),
                        mail.kind().name(),
                        newMessageId(fromAddress != null ? fromAddress : "@" + ownHost()),
                        inReplyTo,
                        references.toArray(String[]::new),
                        mail.recipients().toArray(String[]::new),
                        mail.cc().toArray(String[]::new),
                        mail.subject(),
                        mail.body(),
                        files,
                        now,
                        now)
                .query(Long.class)
                .single();
    }

    /** The ticket of a mail Firstline sent, by its Message-ID. */
    Optional<Long> ticketOfSent(String messageId) {
        return jdbc.sql("select ticket_id from outbound_email where message_id = ? and ticket_id is not null")
                .param(messageId)
                .query(Long.class)
                .optional();
    }

    /** Says on a sent mail's row that a delivery failure report came back for it. */
    void recordBounce(String messageId, String error) {
        jdbc.sql("update outbound_email set last_error = ? where message_id = ?")
                .params(error, messageId)
                .update();
    }

    /** Every Message-ID of a ticket's conversation, received and sent, oldest first. */
    private List<String> threadIds(long ticketId) {
        return jdbc.sql("""
                select message_id from (
                    select message_id, received_at as at, id from inbound_email where ticket_id = ? and message_id is not null
                    union all
                    select message_id, created_at as at, id from outbound_email where ticket_id = ? and kind in ('REPLY', 'ACKNOWLEDGEMENT', 'ASSIGNMENT', 'RESOLUTION')
                ) thread order by at, id""").params(ticketId, ticketId).query(String.class).list().stream()
                .collect(toCollection(LinkedHashSet::new))
                .stream()
                .toList();
    }

    private @Nullable String latestInbound(long ticketId) {
        return jdbc.sql("""
                select message_id from inbound_email where ticket_id = ? and message_id is not null and outcome in ('TICKET', 'REPLY', 'HELD')
                order by id desc limit 1""").param(ticketId).query(String.class).optional().orElse(null);
    }

    /** Where a Message-ID is made before a mailbox is known: only unique matters, and Firstline's own host is. */
    private String ownHost() {
        String host = URI.create(settings.publicUrl()).getHost();
        return host == null ? "firstline.invalid" : host;
    }

    static String newMessageId(String fromAddress) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        String domain = fromAddress.substring(fromAddress.indexOf('@') + 1);
        return "firstline." + HexFormat.of().formatHex(random) + "@" + domain;
    }
}

package org.firstline.email.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.firstline.email.MailboxForm;
import org.firstline.email.MailboxView;
import org.firstline.platform.SecretCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Mailbox rows, with the passwords decrypted only for the code that connects. */
@Component
public class MailboxStore {
    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    MailboxStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** What connecting to a mailbox takes. */
    public record Connection(
            MailboxView mailbox,
            String imapPassword,
            @Nullable String smtpPassword) {}

    public List<MailboxView> list() {
        return jdbc.sql("select * from mailbox order by name")
                .query(MailboxStore::view)
                .list();
    }

    public Optional<MailboxView> find(long id) {
        return jdbc.sql("select * from mailbox where id = ?")
                .param(id)
                .query(MailboxStore::view)
                .optional();
    }

    public Optional<Connection> connection(long id) {
        return jdbc.sql("select * from mailbox where id = ?")
                .param(id)
                .query((rs, n) -> new Connection(
                        view(rs, n),
                        cipher.decrypt(rs.getString("imap_password")),
                        rs.getString("smtp_password") == null ? null : cipher.decrypt(rs.getString("smtp_password"))))
                .optional();
    }

    /**
     * Every address Firstline receives at, to tell its own mail from a customer's. Read for every message filed, so
     * kept for ten seconds (another node's new mailbox is seen that much later) and dropped on every change here.
     */
    public List<String> ownAddresses() {
        var cached = addresses;
        if (cached != null && System.nanoTime() - cached.readAt() < 10_000_000_000L) {
            return cached.list();
        }
        List<String> list = List.copyOf(
                jdbc.sql("select address from mailbox").query(String.class).list());
        addresses = new Addresses(list, System.nanoTime());
        return list;
    }

    public void forgetAddresses() {
        addresses = null;
    }

    private record Addresses(List<String> list, long readAt) {}

    private volatile @Nullable Addresses addresses;

    /** Where a ticket's mail goes out from: the mailbox it came in at, else the first that can send. */
    public Optional<MailboxView> senderFor(long ticketId) {
        return jdbc.sql("""
                select m.* from mailbox m
                where m.smtp_host is not null and m.enabled
                order by (m.id = (select i.mailbox_id from inbound_email i where i.ticket_id = ? order by i.id limit 1)) desc nulls last,
                         m.id
                limit 1""").param(ticketId).query(MailboxStore::view).optional();
    }

    /** The mailbox that sends mail of no ticket: the newest that can send at this address, else the first that can. */
    public Optional<MailboxView> senderAt(@Nullable String address) {
        return jdbc.sql("""
                select m.* from mailbox m where m.smtp_host is not null and m.enabled
                order by (lower(m.address) = lower(?)) desc nulls last,
                         case when lower(m.address) = lower(?) then -m.id else m.id end
                limit 1""").params(address, address).query(MailboxStore::view).optional();
    }

    public String seal(String secret) {
        return cipher.encrypt(secret);
    }

    static MailboxView view(ResultSet rs, int n) throws SQLException {
        return new MailboxView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("address"),
                rs.getString("imap_host"),
                rs.getInt("imap_port"),
                MailboxForm.MailSecurity.valueOf(rs.getString("imap_security")),
                rs.getString("imap_username"),
                rs.getString("imap_password") != null,
                rs.getString("folder"),
                MailboxForm.ProcessedAction.valueOf(rs.getString("processed_action")),
                rs.getString("processed_folder"),
                rs.getInt("poll_seconds"),
                rs.getString("smtp_host"),
                rs.getObject("smtp_port", Integer.class),
                rs.getString("smtp_security") == null
                        ? null
                        : MailboxForm.MailSecurity.valueOf(rs.getString("smtp_security")),
                rs.getString("smtp_username"),
                rs.getString("smtp_password") != null,
                rs.getBoolean("acknowledge"),
                rs.getBoolean("enabled"),
                rs.getObject("uid_validity", Long.class),
                instant(rs.getTimestamp("last_polled_at")),
                rs.getString("last_error"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static java.time.@Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

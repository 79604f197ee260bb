package org.firstline.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.firstline.email.internal.MailboxStore;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Support mailboxes, configured by admins. Passwords are stored encrypted and never read back out. */
@Service
public class MailboxService {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailboxStore store;

    MailboxService(JdbcClient jdbc, Clock clock, MailboxStore store) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.store = store;
    }

    public List<MailboxView> list() {
        return store.list();
    }

    public MailboxView get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("Mailbox " + id + " does not exist."));
    }

    @Transactional
    public MailboxView create(MailboxForm form) {
        for (var required : List.of(
                new Object[] {form.name(), "name"},
                new Object[] {form.address(), "address"},
                new Object[] {form.imapHost(), "imapHost"},
                new Object[] {form.imapPort(), "imapPort"},
                new Object[] {form.imapUsername(), "imapUsername"},
                new Object[] {form.imapPassword(), "imapPassword"})) {
            if (required[0] == null || (required[0] instanceof String s && s.isBlank())) {
                throw new InvalidRequestException((String) required[1], "is required");
            }
        }
        checkProcessed(form.processedAction(), form.processedFolder());
        checkSmtp(form.smtpHost(), form.smtpPort());
        checkUnique(form.address(), form.name(), -1);
        var now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                insert into mailbox (name, address, imap_host, imap_port, imap_security, imap_username, imap_password, folder,
                                     processed_action, processed_folder, poll_seconds, smtp_host, smtp_port, smtp_security,
                                     smtp_username, smtp_password, acknowledge, enabled, created_at, updated_at)
                values (:name, :address, :imapHost, :imapPort, :imapSecurity, :imapUsername, :imapPassword, :folder,
                        :processedAction, :processedFolder, :pollSeconds, :smtpHost, :smtpPort, :smtpSecurity,
                        :smtpUsername, :smtpPassword, :acknowledge, :enabled, :now, :now)
                returning id""")
                .param("name", checked(form.name()).strip())
                .param("address", checked(form.address()).strip().toLowerCase(Locale.ROOT))
                .param("imapHost", checked(form.imapHost()).strip())
                .param("imapPort", form.imapPort())
                .param("imapSecurity", name(form.imapSecurity(), MailboxForm.MailSecurity.SSL))
                .param("imapUsername", checked(form.imapUsername()).strip())
                .param("imapPassword", store.seal(checked(form.imapPassword())))
                .param("folder", form.folder() == null ? "INBOX" : form.folder().strip())
                .param("processedAction", name(form.processedAction(), MailboxForm.ProcessedAction.SEEN))
                .param(
                        "processedFolder",
                        form.processedAction() == MailboxForm.ProcessedAction.MOVE
                                ? checked(form.processedFolder()).strip()
                                : null)
                .param("pollSeconds", form.pollSeconds() == null ? 60 : form.pollSeconds())
                .param("smtpHost", blankToNull(form.smtpHost()))
                .param("smtpPort", form.smtpPort())
                .param(
                        "smtpSecurity",
                        form.smtpHost() == null ? null : name(form.smtpSecurity(), MailboxForm.MailSecurity.STARTTLS))
                .param("smtpUsername", blankToNull(form.smtpUsername()))
                .param(
                        "smtpPassword",
                        form.smtpPassword() == null || form.smtpPassword().isEmpty()
                                ? null
                                : store.seal(form.smtpPassword()))
                .param("acknowledge", form.acknowledge() == null || form.acknowledge())
                .param("enabled", form.enabled() == null || form.enabled())
                .param("now", now)
                .query(Long.class)
                .single();
        store.forgetAddresses();
        return get(id);
    }

    @Transactional
    public MailboxView update(long id, MailboxForm form) {
        MailboxView current = get(id);
        var action = form.processedAction() == null ? current.processedAction() : form.processedAction();
        String processedFolder =
                form.processedFolder() == null ? current.processedFolder() : blankToNull(form.processedFolder());
        checkProcessed(action, processedFolder);
        String smtpHost = form.smtpHost() == null ? current.smtpHost() : blankToNull(form.smtpHost());
        Integer smtpPort = form.smtpPort() == null ? current.smtpPort() : form.smtpPort();
        checkSmtp(smtpHost, smtpPort);
        checkUnique(form.address(), form.name(), id);
        jdbc.sql("""
                update mailbox set name = :name, address = :address, imap_host = :imapHost, imap_port = :imapPort,
                       imap_security = :imapSecurity, imap_username = :imapUsername,
                       imap_password = coalesce(:imapPassword, imap_password), folder = :folder,
                       processed_action = :processedAction, processed_folder = :processedFolder, poll_seconds = :pollSeconds,
                       smtp_host = :smtpHost, smtp_port = :smtpPort, smtp_security = :smtpSecurity, smtp_username = :smtpUsername,
                       smtp_password = case when :clearSmtpPassword then null else coalesce(:smtpPassword, smtp_password) end,
                       acknowledge = :acknowledge, enabled = :enabled, updated_at = :now
                where id = :id""")
                .param("id", id)
                .param(
                        "name",
                        form.name() == null ? current.name() : form.name().strip())
                .param(
                        "address",
                        form.address() == null
                                ? current.address()
                                : form.address().strip().toLowerCase(Locale.ROOT))
                .param(
                        "imapHost",
                        form.imapHost() == null
                                ? current.imapHost()
                                : form.imapHost().strip())
                .param("imapPort", form.imapPort() == null ? current.imapPort() : form.imapPort())
                .param(
                        "imapSecurity",
                        (form.imapSecurity() == null ? current.imapSecurity() : form.imapSecurity()).name())
                .param(
                        "imapUsername",
                        form.imapUsername() == null
                                ? current.imapUsername()
                                : form.imapUsername().strip())
                .param(
                        "imapPassword",
                        form.imapPassword() == null || form.imapPassword().isEmpty()
                                ? null
                                : store.seal(form.imapPassword()))
                .param(
                        "folder",
                        form.folder() == null ? current.folder() : form.folder().strip())
                .param("processedAction", action.name())
                .param("processedFolder", action == MailboxForm.ProcessedAction.MOVE ? processedFolder : null)
                .param("pollSeconds", form.pollSeconds() == null ? current.pollSeconds() : form.pollSeconds())
                .param("smtpHost", smtpHost)
                .param("smtpPort", smtpHost == null ? null : smtpPort)
                .param(
                        "smtpSecurity",
                        smtpHost == null
                                ? null
                                : name(
                                        form.smtpSecurity() == null ? current.smtpSecurity() : form.smtpSecurity(),
                                        MailboxForm.MailSecurity.STARTTLS))
                .param(
                        "smtpUsername",
                        form.smtpUsername() == null ? current.smtpUsername() : blankToNull(form.smtpUsername()))
                .param(
                        "smtpPassword",
                        form.smtpPassword() == null || form.smtpPassword().isEmpty()
                                ? null
                                : store.seal(form.smtpPassword()))
                .param("clearSmtpPassword", smtpHost == null)
                .param("acknowledge", form.acknowledge() == null ? current.acknowledge() : form.acknowledge())
                .param("enabled", form.enabled() == null ? current.enabled() : form.enabled())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        store.forgetAddresses();
        return get(id);
    }

    private void checkUnique(@Nullable String address, @Nullable String name, long id) {
        if (address != null
                && jdbc.sql("select count(*) from mailbox where address = ? and id <> ?")
                                .params(address.strip().toLowerCase(Locale.ROOT), id)
                                .query(Integer.class)
                                .single()
                        > 0) {
            throw new ConflictException("Another mailbox already receives at " + address + ".");
        }
        if (name != null
                && jdbc.sql("select count(*) from mailbox where name = ? and id <> ?")
                                .params(name.strip(), id)
                                .query(Integer.class)
                                .single()
                        > 0) {
            throw new ConflictException("Another mailbox is already called " + name + ".");
        }
    }

    private static void checkProcessed(MailboxForm.@Nullable ProcessedAction action, @Nullable String folder) {
        if (action == MailboxForm.ProcessedAction.MOVE && (folder == null || folder.isBlank())) {
            throw new InvalidRequestException("processedFolder", "is required when processed mail is moved");
        }
    }

    private static void checkSmtp(@Nullable String host, @Nullable Integer port) {
        if (host != null && !host.isBlank() && port == null) {
            throw new InvalidRequestException("smtpPort", "is required with an SMTP host");
        }
    }

    private static String name(@Nullable Enum<?> value, Enum<?> fallback) {
        return (value == null ? fallback : value).name();
    }

    /** A value create() made sure of before it writes. */
    private static <T> T checked(@Nullable T value) {
        return Objects.requireNonNull(value, "checked as required above");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

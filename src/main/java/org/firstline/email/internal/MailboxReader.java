package org.firstline.email.internal;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.firstline.email.MailboxForm;
import org.firstline.email.MailboxView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a mailbox over IMAP. Messages are fetched without setting \Seen (BODY.PEEK) and marked processed — \Seen,
 * or moved — only after the filer's transaction committed; a crash in between leaves them unread, and the next read
 * finds them already filed. UIDVALIDITY is recorded; when the server renumbers, the Message-ID keys still recognise
 * every message filed before.
 */
@Component
public class MailboxReader {
    private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);
    /** Messages per FETCH and per STORE or MOVE: each costs a few round trips however many messages it carries. */
    private static final int BATCH = 250;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailboxStore mailboxes;
    private final InboundMailFiler filer;
    private final MailIntakeTurns turns;

    MailboxReader(JdbcClient jdbc, Clock clock, MailboxStore mailboxes, InboundMailFiler filer, MailIntakeTurns turns) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mailboxes = mailboxes;
        this.filer = filer;
        this.turns = turns;
    }

    /** An open connection to one mailbox's folder. */
    public static final class Connection implements AutoCloseable {
        final MailboxView mailbox;
        final Store store;
        final IMAPFolder folder;

        final java.util.concurrent.atomic.AtomicBoolean arrived = new java.util.concurrent.atomic.AtomicBoolean();

        Connection(MailboxView mailbox, Store store, IMAPFolder folder) {
            this.mailbox = mailbox;
            this.store = store;
            this.folder = folder;
            folder.addMessageCountListener(new jakarta.mail.event.MessageCountAdapter() {
                @Override
                public void messagesAdded(jakarta.mail.event.MessageCountEvent event) {
                    arrived.set(true);
                }
            });
        }

        public boolean canIdle() {
            try {
                return store instanceof IMAPStore imap && imap.hasCapability("IDLE");
            } catch (MessagingException e) {
                return false;
            }
        }

        /**
         * Waits until the server reports new mail. Mail the server announced during the last read (an EXISTS reply to
         * any command) is not waited for: the wait returns at once, so nothing sits unread until the next wake-up.
         */
        public void idle() throws MessagingException {
            if (arrived.getAndSet(false)) {
                return;
            }
            folder.idle(true);
            arrived.set(false);
        }

        /** Wakes a waiting {@link #idle()} from another thread. */
        public void wake() {
            try {
                folder.doCommand(protocol -> {
                    protocol.simpleCommand("NOOP", null);
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                // the connection is gone: the waiting thread notices by itself
            }
        }

        @Override
        public void close() {
            try {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            } catch (MessagingException | RuntimeException e) {
                // closing a broken connection
            }
            try {
                store.close();
            } catch (MessagingException e) {
                // closing a broken connection
            }
        }
    }

    public Connection open(long mailboxId) throws MessagingException {
        var connection =
                mailboxes.connection(mailboxId).orElseThrow(() -> new IllegalStateException("no mailbox " + mailboxId));
        MailboxView mailbox = connection.mailbox();
        boolean ssl = mailbox.imapSecurity() == MailboxForm.MailSecurity.SSL;
        String protocol = ssl ? "imaps" : "imap";
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.setProperty(prefix + "connectiontimeout", "10000");
        properties.setProperty(prefix + "timeout", "120000");
        properties.setProperty(prefix + "writetimeout", "30000");
        properties.setProperty(prefix + "peek", "true");
        properties.setProperty(prefix + "partialfetch", "false");
        properties.setProperty(prefix + "fetchsize", String.valueOf(1024 * 1024));
        if (mailbox.imapSecurity() == MailboxForm.MailSecurity.STARTTLS) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (mailbox.imapSecurity() != MailboxForm.MailSecurity.NONE) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect(mailbox.imapHost(), mailbox.imapPort(), mailbox.imapUsername(), connection.imapPassword());
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            return new Connection(mailbox, store, folder);
        } catch (MessagingException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Files every message not yet processed; returns how many were read. */
    public int readNew(Connection session) throws MessagingException {
        MailboxView mailbox = session.mailbox;
        IMAPFolder folder = session.folder;
        long uidValidity = folder.getUIDValidity();
        Long known = jdbc.sql("select uid_validity from mailbox where id = ?")
                .param(mailbox.id())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (!Objects.equals(known, uidValidity)) {
            if (known != null) {
                log.warn(
                        "Mailbox {} changed UIDVALIDITY from {} to {}: reading it again, filed messages are recognised by Message-ID",
                        mailbox.address(),
                        known,
                        uidValidity);
            }
            jdbc.sql("update mailbox set uid_validity = ? where id = ?")
                    .params(uidValidity, mailbox.id())
                    .update();
        }
        boolean move = mailbox.processedAction() == MailboxForm.ProcessedAction.MOVE;
        Folder target = move ? session.store.getFolder(mailbox.processedFolder()) : null;
        if (target != null && !target.exists()) {
            target.create(Folder.HOLDS_MESSAGES);
        }
        int read = 0;
        boolean more = true;
        while (more) {
            session.arrived.set(false);
            // moving empties the folder from the front, so the next batch is always its first messages
            Message[] messages = move
                    ? folder.getMessages(1, Math.min(folder.getMessageCount(), BATCH))
                    : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            FetchProfile sizes = new FetchProfile();
            sizes.add(UIDFolder.FetchProfileItem.UID);
            sizes.add(FetchProfile.Item.SIZE);
            folder.fetch(messages, sizes);
            more = false;
            int start = 0;
            while (start < messages.length) {
                int end = batchEnd(messages, start);
                Message[] batch = java.util.Arrays.copyOfRange(messages, start, end);
                // one FETCH of whole messages and one STORE or MOVE per batch: a round trip per message costs more than
                // filing it
                FetchProfile bodies = new FetchProfile();
                bodies.add(IMAPFolder.FetchProfileItem.MESSAGE);
                folder.fetch(batch, bodies);
                List<Message> done = fileInParallel(folder, batch, mailbox.id(), uidValidity);
                read += done.size();
                // only now, with the filing of each committed, does the server learn these messages are done
                Message[] processed = done.toArray(Message[]::new);
                if (!move) {
                    folder.setFlags(processed, new Flags(Flags.Flag.SEEN), true);
                    start = end;
                    continue;
                }
                folder.moveMessages(processed, target);
                // a move renumbers the folder; list it afresh instead of trusting every server's EXPUNGE replies
                folder.close(false);
                folder.open(Folder.READ_WRITE);
                more = !done.isEmpty();
                break;
            }
        }
        jdbc.sql("update mailbox set last_polled_at = ?, last_error = null where id = ?")
                .params(Timestamp.from(clock.instant()), mailbox.id())
                .update();
        return read;
    }

    /**
     * Files a batch on several threads so that transactions commit together instead of one after the other (each
     * durable commit waits for the disk). Messages of one conversation — sharing a Message-ID through In-Reply-To or
     * References — still go in arrival order, so a reply never overtakes the request it answers. Returns the
     * messages that were filed; one whose filing failed (the database went away) stays unread for the next round.
     */
    private List<Message> fileInParallel(IMAPFolder folder, Message[] batch, long mailboxId, long uidValidity)
            throws MessagingException {
        Map<String, CompletableFuture<Boolean>> lastOfThread = new HashMap<>();
        List<CompletableFuture<Boolean>> filings = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        Semaphore permits = turns.perBatch();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Message message : batch) {
                if (message.isExpunged()) {
                    continue;
                }
                long uid = folder.getUID(message);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try {
                    message.writeTo(out);
                } catch (java.io.IOException e) {
                    throw new MessagingException("reading message " + uid + " failed", e);
                }
                byte[] raw = out.toByteArray();
                List<String> keys = MailParser.threadKeysOf(raw);
                CompletableFuture<?>[] before = keys.stream()
                        .map(lastOfThread::get)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toArray(CompletableFuture[]::new);
                CompletableFuture<Boolean> filing = CompletableFuture.allOf(before)
                        .handleAsync(
                                (ignored, failure) -> {
                                    permits.acquireUninterruptibly();
                                    try {
                                        turns.inTurn(() -> filer.file(
                                                raw, new InboundMailFiler.Origin(mailboxId, uidValidity, uid)));
                                        return true;
                                    } catch (RuntimeException e) {
                                        log.warn("Filing message {} failed; it stays unread", uid, e);
                                        return false;
                                    } finally {
                                        permits.release();
                                    }
                                },
                                pool);
                keys.forEach(key -> lastOfThread.put(key, filing));
                filings.add(filing);
                messages.add(message);
            }
            List<Message> done = new ArrayList<>();
            for (int i = 0; i < filings.size(); i++) {
                if (filings.get(i).join()) {
                    done.add(messages.get(i));
                }
            }
            return done;
        }
    }

    /** Batches of at most {@value #BATCH} messages or 20 MB, so that a mailbox full of big attachments does not fill the heap. */
    private static int batchEnd(Message[] messages, int start) throws MessagingException {
        long bytes = 0;
        int end = start;
        while (end < messages.length && end - start < BATCH) {
            bytes += messages[end].isExpunged() ? 0 : Math.max(0, messages[end].getSize());
            end++;
            if (bytes > 20L * 1024 * 1024) {
                break;
            }
        }
        return end;
    }

    /** Connects, files what is new and disconnects: the "poll now" of the admin UI and of tests. */
    public int pollOnce(long mailboxId) throws MessagingException {
        try (Connection session = open(mailboxId)) {
            return readNew(session);
        } catch (MessagingException | RuntimeException e) {
            recordError(mailboxId, e);
            throw e;
        }
    }

    void recordError(long mailboxId, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        jdbc.sql("update mailbox set last_error = ?, last_polled_at = ? where id = ?")
                .params(
                        message.length() > 1000 ? message.substring(0, 1000) : message,
                        Timestamp.from(clock.instant()),
                        mailboxId)
                .update();
    }
}

package org.firstline.support;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** A real SMTP and IMAP server (GreenMail) on free ports, with one support mailbox that tests deliver raw mail into. */
public final class TestMailServer implements AutoCloseable {
    public static final String SUPPORT_LOGIN = "support";
    public static final String SUPPORT_PASSWORD = "imap-secret";

    private static final Session SESSION = Session.getInstance(new Properties());

    private final GreenMail greenMail;
    private final GreenMailUser support;
    public final String supportAddress;

    private static final java.util.Map<String, TestMailServer> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One server per address for the whole test run, for test classes that share a mailbox address (and the
     * application context configured with it): the desk's mailbox at that address keeps pointing at a live server.
     * Stopped when the JVM exits; classes using it must not close it.
     */
    public static TestMailServer shared(String supportAddress) {
        return SHARED.computeIfAbsent(supportAddress, address -> {
            var server = new TestMailServer(address);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            return server;
        });
    }

    public TestMailServer(String supportAddress) {
        this.supportAddress = supportAddress;
        this.greenMail = new GreenMail(
                new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
        greenMail.start();
        this.support = greenMail.setUser(supportAddress, SUPPORT_LOGIN, SUPPORT_PASSWORD);
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /**
     * The desk's mailbox on this server, created through the API the first time; its id. Other test classes share the
     * database and leave mailboxes of their own servers: only one reading this server counts.
     */
    public long mailbox(ApiClient admin, String name) {
        for (var existing : admin.get("/api/v1/mailboxes").json().get("items")) {
            if (existing.get("address").asString().equals(supportAddress)
                    && existing.get("imapPort").asInt() == imapPort()
                    && existing.get("enabled").asBoolean()) {
                return existing.get("id").asLong();
            }
        }
        var created = admin.post(
                "/api/v1/mailboxes",
                java.util.Map.ofEntries(
                        java.util.Map.entry("name", name),
                        java.util.Map.entry("address", supportAddress),
                        java.util.Map.entry("imapHost", "127.0.0.1"),
                        java.util.Map.entry("imapPort", imapPort()),
                        java.util.Map.entry("imapSecurity", "NONE"),
                        java.util.Map.entry("imapUsername", SUPPORT_LOGIN),
                        java.util.Map.entry("imapPassword", SUPPORT_PASSWORD),
                        java.util.Map.entry("smtpHost", "127.0.0.1"),
                        java.util.Map.entry("smtpPort", smtpPort()),
                        java.util.Map.entry("smtpSecurity", "NONE"),
                        java.util.Map.entry("pollSeconds", 5)));
        if (created.status() != 201) throw new IllegalStateException("mailbox not created: " + created.body());
        return created.json().get("id").asLong();
    }

    /** Puts a message, byte for byte, into the support INBOX, unread. */
    public void deliver(byte[] raw) {
        if (!tryDeliver(raw)) {
            throw new IllegalStateException("GreenMail refused the message");
        }
    }

    /** Like {@link #deliver(byte[])}, false when GreenMail itself cannot store the message (it parses some headers). */
    public boolean tryDeliver(byte[] raw) {
        try {
            support.deliver(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public void deliver(String raw) {
        deliver(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** What Firstline sent to this address over SMTP. */
    public List<MimeMessage> sentTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().contains(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    /** All messages in the support INBOX, read or not. */
    public int messagesInSupportInbox() {
        try {
            return greenMail
                    .getManagers()
                    .getImapHostManager()
                    .getInbox(support)
                    .getMessageCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unread messages left in the support INBOX. */
    public int unseenInSupportInbox() {
        for (int attempt = 0; ; attempt++) {
            try {
                return greenMail
                        .getManagers()
                        .getImapHostManager()
                        .getInbox(support)
                        .getUnseenCount();
            } catch (java.util.ConcurrentModificationException e) {
                // GreenMail's folder changed under the count (a move or expunge): count again
                if (attempt > 100) {
                    throw e;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Counts messages the reader marked processed in the support INBOX (flagged \\Seen, or moved out), as the server
     * reports it, without scanning the folder (GreenMail's counts are linear in the folder's size).
     */
    public java.util.concurrent.atomic.AtomicInteger processedCounter() {
        var processed = new java.util.concurrent.atomic.AtomicInteger();
        try {
            greenMail
                    .getManagers()
                    .getImapHostManager()
                    .getInbox(support)
                    .addListener(new com.icegreen.greenmail.store.FolderListener() {
                        @Override
                        public void expunged(int msn) {
                            processed.incrementAndGet();
                        }

                        @Override
                        public void added(int msn) {
                            // new mail is not processed mail
                        }

                        @Override
                        public void flagsUpdated(int msn, jakarta.mail.Flags flags, Long uid) {
                            if (flags.contains(jakarta.mail.Flags.Flag.SEEN)) {
                                processed.incrementAndGet();
                            }
                        }

                        @Override
                        public void mailboxDeleted() {
                            // not in these tests
                        }
                    });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return processed;
    }

    /** Empties the support INBOX and gives it a new UIDVALIDITY, as a server restored from backup would. */
    public void recreateSupportInbox() {
        try {
            var manager = greenMail.getManagers().getImapHostManager();
            manager.deletePrivateMailAccount(support);
            Thread.sleep(5); // GreenMail derives UIDVALIDITY from the clock
            manager.createPrivateMailAccount(support);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}

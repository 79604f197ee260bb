package org.firstline.email.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.firstline.email.MailboxView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps one reader per enabled mailbox running on a virtual thread: it files what is new, then waits with IMAP IDLE
 * (woken at least every poll interval) or, on servers without IDLE, sleeps for the poll interval. Connection
 * failures are recorded on the mailbox and retried after the poll interval. With several nodes, a node reads only the
 * mailboxes whose {@link MailboxLeases lease} it holds. A second loop sends the outbox.
 * Off with {@code firstline.email.background=false} (tests drive intake and sending themselves).
 */
@Component
class IntakeRunner implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(IntakeRunner.class);

    private record Loop(Instant version, Thread thread) {}

    private final MailboxStore mailboxes;
    private final MailboxReader reader;
    private final OutboxSender sender;
    private final MailboxLeases leases;
    private final boolean enabled;
    private final Duration outboxInterval;
    private final Map<Long, Loop> loops = new ConcurrentHashMap<>();
    private final Map<Long, MailboxReader.Connection> open = new ConcurrentHashMap<>();
    /** When this node last renewed each lease it holds (System.nanoTime). */
    private final Map<Long, Long> renewed = new ConcurrentHashMap<>();

    private volatile boolean running;
    private @Nullable Thread supervisor;
    private @Nullable Thread outbox;

    IntakeRunner(
            MailboxStore mailboxes,
            MailboxReader reader,
            OutboxSender sender,
            MailboxLeases leases,
            @Value("${firstline.email.background:true}") boolean enabled,
            @Value("${firstline.email.outbox-interval:PT2S}") Duration outboxInterval) {
        this.mailboxes = mailboxes;
        this.reader = reader;
        this.sender = sender;
        this.leases = leases;
        this.enabled = enabled;
        this.outboxInterval = outboxInterval;
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        supervisor = Thread.ofVirtual().name("mail-supervisor").start(this::supervise);
        outbox = Thread.ofVirtual().name("mail-outbox").start(this::sendLoop);
    }

    /**
     * Starts readers for new or changed mailboxes whose lease this node holds, and stops those of removed or disabled
     * mailboxes and of leases another node took over.
     */
    private void supervise() {
        while (running) {
            try {
                Map<Long, MailboxView> current = new ConcurrentHashMap<>();
                mailboxes.list().stream().filter(MailboxView::enabled).forEach(m -> current.put(m.id(), m));
                loops.forEach((id, loop) -> {
                    MailboxView mailbox = current.get(id);
                    if (mailbox == null) {
                        stopLoop(id);
                        leases.release(id);
                    } else if (!mailbox.updatedAt().equals(loop.version())
                            || !loop.thread().isAlive()) {
                        stopLoop(id);
                    }
                });
                for (MailboxView mailbox : current.values()) {
                    if (!leases.hold(mailbox.id())) {
                        stopLoop(mailbox.id());
                        continue;
                    }
                    renewed.put(mailbox.id(), System.nanoTime());
                    loops.computeIfAbsent(
                            mailbox.id(),
                            id -> new Loop(
                                    mailbox.updatedAt(),
                                    Thread.ofVirtual()
                                            .name("mail-" + mailbox.address())
                                            .start(() -> read(mailbox))));
                }
            } catch (Throwable e) {
                // any failure, an Error too, is one bad round: without the supervisor no mailbox is read again
                log.warn("Mailbox supervision failed", e);
            }
            stopUnrenewed();
            pause(Duration.ofSeconds(1));
        }
    }

    private void read(MailboxView mailbox) {
        Duration interval = Duration.ofSeconds(mailbox.pollSeconds());
        while (running && !Thread.currentThread().isInterrupted()) {
            try (MailboxReader.Connection connection = reader.open(mailbox.id())) {
                open.put(mailbox.id(), connection);
                boolean idle = connection.canIdle();
                log.info(
                        "Reading {} ({})",
                        mailbox.address(),
                        idle ? "IDLE" : "polling every " + interval.toSeconds() + " s");
                while (running && !Thread.currentThread().isInterrupted()) {
                    reader.readNew(connection);
                    if (idle) {
                        Thread waker = Thread.ofVirtual().start(() -> {
                            if (pause(interval)) {
                                connection.wake();
                            }
                        });
                        connection.idle();
                        waker.interrupt();
                    } else if (!pause(interval)) {
                        return;
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (e instanceof jakarta.mail.MessagingException) {
                    // the server or the network, again every poll while it lasts: the mailbox page shows it too, so
                    // the stack only at debug
                    log.warn("Reading {} failed: {}", mailbox.address(), e.toString());
                    log.debug("Reading {} failed", mailbox.address(), e);
                } else {
                    log.warn("Reading {} failed", mailbox.address(), e);
                }
                reader.recordError(mailbox.id(), e);
                if (!pause(interval)) {
                    return;
                }
            } finally {
                open.remove(mailbox.id());
            }
        }
    }

    private void sendLoop() {
        while (running) {
            try {
                sender.sendDue();
            } catch (Throwable e) {
                log.warn("Sending the outbox failed", e);
            }
            if (!pause(outboxInterval)) {
                return;
            }
        }
    }

    /** A lease not renewed for half its length (the database out of reach) may soon be another node's: stop reading. */
    private void stopUnrenewed() {
        long stale = System.nanoTime() - leases.lease().toNanos() / 2;
        loops.keySet().forEach(id -> {
            Long last = renewed.get(id);
            if (last == null || last - stale < 0) stopLoop(id);
        });
    }

    /** Whether this node reads the mailbox now. */
    boolean reads(long mailboxId) {
        return loops.containsKey(mailboxId);
    }

    private void stopLoop(long id) {
        renewed.remove(id);
        Loop loop = loops.remove(id);
        if (loop != null) {
            loop.thread().interrupt();
            var connection = open.remove(id);
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** Sleeps; false when interrupted (stopping). */
    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (supervisor != null) {
            supervisor.interrupt();
        }
        if (outbox != null) {
            outbox.interrupt();
        }
        loops.keySet().forEach(this::stopLoop);
        try {
            // a round under way could renew a lease after the release below: let it finish first
            if (supervisor != null) supervisor.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loops.keySet().forEach(this::stopLoop);
        try {
            leases.releaseAll();
        } catch (RuntimeException e) {
            // the leases run out by themselves; another node waits for that instead
            log.warn("Could not hand the mailboxes over", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package org.firstline.integration.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries every second and follows engineering's issues every minute, on every node (leases and SKIP
 * LOCKED keep each piece of work to one node). Off with {@code firstline.integration.background=false}.
 */
@Component
class IntegrationRunner implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(IntegrationRunner.class);
    private static final Duration ISSUES_EVERY = Duration.ofMinutes(1);

    private final DeliverySender sender;
    private final IssueWatcher issues;
    private final boolean enabled;
    private volatile boolean running;
    private volatile Thread worker;

    IntegrationRunner(DeliverySender sender, IssueWatcher issues, @Value("${firstline.integration.background:true}") boolean enabled) {
        this.sender = sender;
        this.issues = issues;
        this.enabled = enabled;
    }

    private void loop() {
        long nextIssues = System.nanoTime();
        while (running) {
            try {
                while (sender.sendDue() > 0 && running) {
                    // keep going while there is a backlog
                }
                if (System.nanoTime() - nextIssues >= 0) {
                    issues.pollDue();
                    issues.remindOverdue();
                    nextIssues = System.nanoTime() + ISSUES_EVERY.toNanos();
                }
            } catch (RuntimeException e) {
                log.warn("Integration work failed; retrying: {}", e.toString());
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void start() {
        if (!enabled) return;
        running = true;
        worker = Thread.ofVirtual().name("integration").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) t.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package org.firstline.integration.internal;

import java.time.Duration;
import org.firstline.platform.BackgroundLoop;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries every second and follows engineering's issues every minute, on every node (leases and SKIP
 * LOCKED keep each piece of work to one node). Off with {@code firstline.integration.background=false}.
 */
@Component
class IntegrationRunner extends BackgroundLoop {
    private static final Duration ISSUES_EVERY = Duration.ofMinutes(1);

    private final DeliverySender sender;
    private final IssueWatcher issues;
    private long nextIssues = System.nanoTime();

    IntegrationRunner(
            DeliverySender sender,
            IssueWatcher issues,
            @Value("${firstline.integration.background:true}") boolean enabled) {
        super("integration", Duration.ofSeconds(1), enabled);
        this.sender = sender;
        this.issues = issues;
    }

    @Override
    protected void step() {
        while (sender.sendDue() > 0 && running()) {
            // keep going while there is a backlog
        }
        if (System.nanoTime() - nextIssues >= 0) {
            issues.pollDue();
            issues.remindOverdue();
            nextIssues = System.nanoTime() + ISSUES_EVERY.toNanos();
        }
    }
}

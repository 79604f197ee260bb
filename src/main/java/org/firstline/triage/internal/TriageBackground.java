package org.firstline.triage.internal;

import java.time.Duration;
import org.firstline.triage.OwnershipMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Triage's background work on every node: suggestions for waiting tickets that have none, due follow-ups, and the
 * classifier trained at start and again every {@code firstline.triage.retrain-interval}. Off with
 * {@code firstline.triage.background=false} (tests drive it themselves).
 */
@Component
class TriageBackground implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TriageBackground.class);
    private static final Duration UNTRAINED_RETRY = Duration.ofMinutes(1);
    private static final Duration SIMILAR_REBUILD = Duration.ofMinutes(1);

    private final SuggestionRefresher suggestions;
    private final FollowUps followUps;
    private final TeamModel model;
    private final OwnershipMap ownershipMap;
    private final SimilarTickets similar;
    private long lastRebuild;
    private final boolean enabled;
    private final Duration retrainInterval;
    private volatile boolean running;
    private volatile Thread worker;

    TriageBackground(SuggestionRefresher suggestions, FollowUps followUps, TeamModel model, OwnershipMap ownershipMap, SimilarTickets similar,
            @Value("${firstline.triage.background:true}") boolean enabled,
            @Value("${firstline.triage.retrain-interval:PT6H}") Duration retrainInterval) {
        this.suggestions = suggestions;
        this.followUps = followUps;
        this.model = model;
        this.ownershipMap = ownershipMap;
        this.similar = similar;
        this.enabled = enabled;
        this.retrainInterval = retrainInterval;
    }

    private void loop() {
        long nextTraining = System.nanoTime();
        while (running) {
            try {
                if (System.nanoTime() - nextTraining >= 0) {
                    similar.rebuild();
                    lastRebuild = System.nanoTime();
                    var report = model.train(ownershipMap.matcher());
                    log.info("Team classifier trained on {} past assignments in {} ms; held-out accuracy: rules {}, model {}, combined {}",
                            report.examples(), report.durationMs(), report.rulesAccuracy(), report.modelAccuracy(), report.combinedAccuracy());
                    // without history yet, look again soon: a new desk learns as soon as tickets get teams
                    nextTraining = System.nanoTime() + (report.modelAccuracy() == null ? UNTRAINED_RETRY : retrainInterval).toNanos();
                }
                if (similar.stale() && System.nanoTime() - lastRebuild > SIMILAR_REBUILD.toNanos()) {
                    similar.rebuild();
                    lastRebuild = System.nanoTime();
                }
                // the classifier's first training makes every stored suggestion better: fill the rest after it
                suggestions.fillMissing(200);
                followUps.fireDue();
            } catch (RuntimeException e) {
                log.warn("Triage background work failed; retrying: {}", e.toString());
            }
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void start() {
        if (!enabled) return;
        running = true;
        worker = Thread.ofVirtual().name("triage-background").start(this::loop);
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

package org.firstline.triage.internal;

import java.time.Duration;
import org.firstline.platform.BackgroundLoop;
import org.firstline.triage.OwnershipMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Triage's background work on every node, every 5 seconds: suggestions for waiting tickets that have none, due
 * follow-ups, the similar-ticket index rebuilt after tickets were resolved, and the classifier trained at start and
 * again every {@code firstline.triage.retrain-interval} (every minute while there is too little history). Off with
 * {@code firstline.triage.background=false} (tests drive it themselves).
 */
@Component
class TriageBackground extends BackgroundLoop {
    private static final Logger log = LoggerFactory.getLogger(TriageBackground.class);
    private static final Duration UNTRAINED_RETRY = Duration.ofMinutes(1);
    private static final Duration SIMILAR_REBUILD = Duration.ofMinutes(1);

    private final SuggestionRefresher suggestions;
    private final FollowUps followUps;
    private final TeamModel model;
    private final OwnershipMap ownershipMap;
    private final SimilarTickets similar;
    private final Duration retrainInterval;
    private long nextTraining = System.nanoTime();
    private long lastRebuild;

    TriageBackground(
            SuggestionRefresher suggestions,
            FollowUps followUps,
            TeamModel model,
            OwnershipMap ownershipMap,
            SimilarTickets similar,
            @Value("${firstline.triage.background:true}") boolean enabled,
            @Value("${firstline.triage.retrain-interval:PT6H}") Duration retrainInterval) {
        super("triage-background", Duration.ofSeconds(5), enabled);
        this.suggestions = suggestions;
        this.followUps = followUps;
        this.model = model;
        this.ownershipMap = ownershipMap;
        this.similar = similar;
        this.retrainInterval = retrainInterval;
    }

    @Override
    protected void step() {
        if (System.nanoTime() - nextTraining >= 0) {
            similar.rebuild();
            lastRebuild = System.nanoTime();
            var report = model.train(ownershipMap.matcher());
            log.info(
                    "Team classifier trained on {} past assignments in {} ms; held-out accuracy: rules {}, naive Bayes {} ({} combined), "
                            + "linear {} ({} combined); in use: {}",
                    report.examples(),
                    report.durationMs(),
                    report.rulesAccuracy(),
                    report.naiveBayesAccuracy(),
                    report.naiveBayesCombinedAccuracy(),
                    report.linearAccuracy(),
                    report.linearCombinedAccuracy(),
                    report.modelLabel());
            // without history yet, look again soon: a new desk learns as soon as tickets get teams
            nextTraining =
                    System.nanoTime() + (report.modelAccuracy() == null ? UNTRAINED_RETRY : retrainInterval).toNanos();
        }
        if (similar.stale() && System.nanoTime() - lastRebuild > SIMILAR_REBUILD.toNanos()) {
            similar.rebuild();
            lastRebuild = System.nanoTime();
        }
        // the classifier's first training makes every stored suggestion better: fill the rest after it
        suggestions.fillMissing(200);
        followUps.fireDue();
    }
}

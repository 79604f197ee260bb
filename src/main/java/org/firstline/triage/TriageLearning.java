package org.firstline.triage;

import org.firstline.triage.internal.SimilarTickets;
import org.firstline.triage.internal.TeamModel;
import org.springframework.stereotype.Service;

/** What triage learns from history: the team classifier and the index of resolved tickets, retrained together. */
@Service
public class TriageLearning {
    private final TeamModel model;
    private final SimilarTickets similar;
    private final OwnershipMap ownershipMap;

    TriageLearning(TeamModel model, SimilarTickets similar, OwnershipMap ownershipMap) {
        this.model = model;
        this.similar = similar;
        this.ownershipMap = ownershipMap;
    }

    /** Retrains on this node now; returns the classifier's accuracy on held-out tickets. */
    public ClassifierReport retrain() {
        similar.rebuild();
        return model.train(ownershipMap.matcher());
    }

    /** The last training's report, or an empty one before the first. */
    public ClassifierReport report() {
        ClassifierReport report = model.report();
        return report != null ? report : ClassifierReport.untrained(null, 0, model.weight());
    }

    public boolean trained() {
        return model.report() != null;
    }
}

package org.firstline.triage.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Combines the ownership map and the classifier into one score per team: weight x the classifier's share plus
 * (1 - weight) x the team's share of the matched rule weight. Either alone stands when the other has nothing to say.
 */
public final class TeamBlend {
    public record Scored(long teamId, double score, List<String> ruleWords, List<String> learnedWords) {}

    private TeamBlend() {}

    public static List<Scored> combine(
            List<OwnershipMatcher.TeamMatch> rules, @Nullable List<TeamClassifier.Prediction> model, double weight) {
        double ruleTotal =
                rules.stream().mapToInt(OwnershipMatcher.TeamMatch::score).sum();
        boolean haveRules = ruleTotal > 0;
        boolean haveModel = model != null && !model.isEmpty();
        double w = !haveRules ? 1 : !haveModel ? 0 : weight;
        Map<Long, Double> score = new HashMap<>();
        Map<Long, Set<String>> ruleWords = new HashMap<>();
        Map<Long, List<String>> learned = new HashMap<>();
        if (haveRules) {
            for (var r : rules) {
                score.merge(r.teamId(), (1 - w) * r.score() / ruleTotal, Double::sum);
                ruleWords.put(r.teamId(), new LinkedHashSet<>(r.matched()));
            }
        }
        if (haveModel && model != null) {
            for (var p : model) {
                score.merge(p.teamId(), w * p.share(), Double::sum);
                if (!p.words().isEmpty()) learned.put(p.teamId(), p.words());
            }
        }
        var result = new ArrayList<Scored>();
        score.forEach((team, s) -> result.add(new Scored(
                team, s, List.copyOf(ruleWords.getOrDefault(team, Set.of())), learned.getOrDefault(team, List.of()))));
        result.sort((a, b) ->
                a.score() != b.score() ? Double.compare(b.score(), a.score()) : Long.compare(a.teamId(), b.teamId()));
        return result;
    }

    public static @Nullable Long best(
            List<OwnershipMatcher.TeamMatch> rules, @Nullable List<TeamClassifier.Prediction> model, double weight) {
        var all = combine(rules, model, weight);
        return all.isEmpty() ? null : all.get(0).teamId();
    }
}

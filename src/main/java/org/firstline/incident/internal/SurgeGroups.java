package org.firstline.incident.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Groups recent tickets whose subjects look like one problem: each ticket anchors the tickets that share at least half
 * the words of the shorter subject with it, and an anchor with enough tickets from enough organizations is a surge.
 * Shared words are counted through an index of which tickets use each word, so a ticket is compared only with those
 * that share a word with it.
 */
final class SurgeGroups {
    /** A recent ticket and the English stems of its subject. */
    record Recent(long id, long number, @Nullable Long organizationId, String[] words) {}

    private SurgeGroups() {}

    static List<SurgeWatch.Surge> find(List<Recent> recent, SurgeWatch.Settings settings) {
        int n = recent.size();
        int minTickets = Objects.requireNonNull(settings.tickets());
        int minOrganizations = Objects.requireNonNull(settings.organizations());
        int[][] words = new int[n][];
        Map<String, Integer> numbered = new HashMap<>();
        List<List<Integer>> usedBy = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] distinct = Arrays.stream(recent.get(i).words()).distinct().toArray(String[]::new);
            words[i] = new int[distinct.length];
            for (int k = 0; k < distinct.length; k++) {
                int word = numbered.computeIfAbsent(distinct[k], w -> numbered.size());
                if (word == usedBy.size()) usedBy.add(new ArrayList<>());
                usedBy.get(word).add(i);
                words[i][k] = word;
            }
        }
        int[][] postings = usedBy.stream()
                .map(tickets -> tickets.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        record Group(Recent anchor, List<Recent> tickets, long organizations) {}
        var groups = new ArrayList<Group>();
        int[] shared = new int[n];
        var touched = new ArrayList<Integer>();
        for (int a = 0; a < n; a++) {
            if (words[a].length == 0) continue;
            touched.clear();
            for (int word : words[a]) {
                for (int b : postings[word]) {
                    if (shared[b]++ == 0) touched.add(b);
                }
            }
            var members = new ArrayList<Recent>();
            for (int b : touched) {
                if (shared[b] * 2 >= Math.min(words[a].length, words[b].length)) members.add(recent.get(b));
                shared[b] = 0;
            }
            if (members.size() < minTickets) continue;
            long organizations = members.stream()
                    .map(Recent::organizationId)
                    .filter(Objects::nonNull)
                    .distinct()
                    .count();
            if (organizations >= minOrganizations) groups.add(new Group(recent.get(a), members, organizations));
        }
        groups.sort(Comparator.comparingInt((Group g) -> g.tickets().size())
                .thenComparingLong(Group::organizations)
                .thenComparingLong(g -> g.anchor().id())
                .reversed());
        var seen = new HashSet<List<Long>>();
        var surges = new ArrayList<SurgeWatch.Surge>();
        for (Group g : groups) {
            var ordered = g.tickets().stream()
                    .sorted(Comparator.comparingLong(Recent::id))
                    .toList();
            List<Long> ids = ordered.stream().map(Recent::id).toList();
            // every ticket of a surge anchors the same group: one each
            if (!seen.add(ids)) continue;
            surges.add(new SurgeWatch.Surge(
                    ids,
                    ordered.stream().map(Recent::number).toList(),
                    g.organizations(),
                    Arrays.stream(g.anchor().words()).sorted().toList()));
            if (surges.size() == 5) break;
        }
        return surges;
    }
}

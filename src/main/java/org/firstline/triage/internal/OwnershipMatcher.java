package org.firstline.triage.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.firstline.triage.OwnershipRule;
import org.jspecify.annotations.Nullable;

/** Scores a ticket's text against the ownership map: each matching rule adds its weight to its team, once. */
public final class OwnershipMatcher {
    private record Compiled(
            OwnershipRule rule,
            List<String> words,
            @Nullable Pattern pattern) {}

    /** A team's total weight and the terms that matched. */
    public record TeamMatch(long teamId, int score, Set<String> matched) {}

    private static final long PATTERN_BUDGET_NANOS = 20_000_000;

    private final List<Compiled> rules;

    public OwnershipMatcher(List<OwnershipRule> rules) {
        this.rules = rules.stream().map(OwnershipMatcher::compile).toList();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    private static Compiled compile(OwnershipRule rule) {
        return switch (rule.kind()) {
            case PATTERN ->
                new Compiled(
                        rule, List.of(), Pattern.compile(rule.term(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            case KEYWORD, PHRASE -> new Compiled(rule, Words.of(rule.term()), null);
        };
    }

    /** Teams with at least one matching rule, highest score first. */
    public List<TeamMatch> match(@Nullable String subject, @Nullable String body) {
        String raw = (subject == null ? "" : subject) + "\n" + (body == null ? "" : body);
        if (raw.length() > Words.MAX_CHARS) raw = raw.substring(0, Words.MAX_CHARS);
        List<String> words = Words.of(raw);
        Set<String> wordSet = new HashSet<>(words);
        String joined = " " + String.join(" ", words) + " ";
        var scores = new LinkedHashMap<Long, Integer>();
        var matched = new LinkedHashMap<Long, Set<String>>();
        for (Compiled c : rules) {
            String hit = hit(c, raw, wordSet, joined);
            if (hit == null) continue;
            scores.merge(c.rule().teamId(), c.rule().weight(), Integer::sum);
            matched.computeIfAbsent(c.rule().teamId(), k -> new LinkedHashSet<>())
                    .add(hit);
        }
        var result = new ArrayList<TeamMatch>();
        for (Map.Entry<Long, Integer> e : scores.entrySet()) {
            result.add(new TeamMatch(
                    e.getKey(), e.getValue(), Objects.requireNonNull(matched.get(e.getKey()), "scored with a hit")));
        }
        result.sort((a, b) -> Integer.compare(b.score(), a.score()));
        return result;
    }

    private static @Nullable String hit(Compiled c, String raw, Set<String> wordSet, String joined) {
        if (c.pattern() != null) {
            var m = c.pattern().matcher(new Deadline(raw, System.nanoTime() + PATTERN_BUDGET_NANOS));
            try {
                if (!m.find()) return null;
            } catch (Deadline.Exceeded e) {
                return null; // a pattern that backtracks for ever must not stall intake
            }
            String found = m.group().strip();
            return found.length() > 40 ? found.substring(0, 40) + "…" : found;
        }
        if (c.words().isEmpty()) return null;
        if (c.words().size() == 1) {
            return wordSet.contains(c.words().get(0)) ? c.rule().term().strip().toLowerCase(Locale.ROOT) : null;
        }
        return joined.contains(" " + String.join(" ", c.words()) + " ")
                ? c.rule().term().strip().toLowerCase(Locale.ROOT)
                : null;
    }

    /** The text, readable until a deadline: how a regular expression gets a time limit. */
    private static final class Deadline implements CharSequence {
        static final class Exceeded extends RuntimeException {
            Exceeded() {
                super(null, null, false, false);
            }
        }

        private final CharSequence text;
        private final long until;
        private int reads;

        Deadline(CharSequence text, long until) {
            this.text = text;
            this.until = until;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xfff) == 0 && System.nanoTime() > until) throw new Exceeded();
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadline(text.subSequence(start, end), until);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}

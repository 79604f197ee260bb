package org.firstline.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.firstline.triage.OwnershipRule;
import org.firstline.triage.RuleKind;
import org.junit.jupiter.api.Test;

class OwnershipMatcherTest {
    private static final long OPS = 1;
    private static final long PLATFORM = 2;

    private final OwnershipMatcher map = new OwnershipMatcher(List.of(
            new OwnershipRule(1, OPS, RuleKind.KEYWORD, "certificate", 2),
            new OwnershipRule(2, OPS, RuleKind.PHRASE, "home directory", 3),
            new OwnershipRule(3, OPS, RuleKind.PATTERN, "\\b50[0-4]\\b", 3),
            new OwnershipRule(4, PLATFORM, RuleKind.KEYWORD, "password", 2),
            new OwnershipRule(5, PLATFORM, RuleKind.PHRASE, "rate limit", 3),
            new OwnershipRule(6, PLATFORM, RuleKind.KEYWORD, "sign-in", 1)));

    @Test
    void keywordsMeetTheirPluralsAndPhrasesIgnorePunctuation() {
        var teams =
                map.match("Certificates expired", "Our home-directory is full, and the certificate warning persists.");
        assertThat(teams).hasSize(1);
        assertThat(teams.get(0).teamId()).isEqualTo(OPS);
        assertThat(teams.get(0).score()).isEqualTo(5); // each rule counts once, however often it matches
        assertThat(teams.get(0).matched()).containsExactly("certificate", "home directory");
    }

    @Test
    void theHighestWeightWinsAndEveryTeamThatMatchedIsListed() {
        var teams = map.match("502 after sign-in", "We get a 502 Bad Gateway when we sign in.");
        assertThat(teams).extracting(OwnershipMatcher.TeamMatch::teamId).containsExactly(OPS, PLATFORM);
        assertThat(teams).extracting(OwnershipMatcher.TeamMatch::score).containsExactly(3, 1);
        assertThat(teams.get(0).matched()).containsExactly("502");
        assertThat(teams.get(1).matched()).containsExactly("sign-in");
    }

    @Test
    void aPhraseNeedsItsWordsInOrder() {
        assertThat(map.match("Limit of the rate", "")).isEmpty();
        assertThat(map.match("Rate limit too low", ""))
                .extracting(OwnershipMatcher.TeamMatch::teamId)
                .containsExactly(PLATFORM);
    }

    @Test
    void aPatternThatBacktracksForEverIsCutOffInsteadOfStallingIntake() {
        var slow = new OwnershipMatcher(List.of(new OwnershipRule(1, OPS, RuleKind.PATTERN, "(a+)+$", 1)));
        long started = System.nanoTime();
        assertThat(slow.match("a".repeat(40) + "!", "")).isEmpty();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1000);
    }

    @Test
    void wordsDropCommonWordsAndTrimEndings() {
        assertThat(Words.of("The certificates are failing; we failed twice!"))
                .containsExactly("certificat", "fail", "fail", "twic");
        assertThat(Words.stem("queries")).isEqualTo("query");
    }
}

package org.firstline.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurgeGroupsTest {
    private static final SurgeWatch.Settings FIVE_FROM_THREE = new SurgeWatch.Settings(5, 3, 30);

    private final List<SurgeGroups.Recent> recent = new ArrayList<>();

    private void ticket(long org, String... words) {
        long id = recent.size() + 1;
        recent.add(new SurgeGroups.Recent(id, 1000 + id, org, words));
    }

    @Test
    void fiveSimilarFromThreeOrganizationsAreOneSurgeWithTheAnchorsWords() {
        for (int i = 0; i < 5; i++) ticket(i % 3, "export", "fail", "timeout");
        ticket(1, "invoic", "miss");

        var surges = SurgeGroups.find(recent, FIVE_FROM_THREE);

        assertThat(surges).hasSize(1);
        assertThat(surges.get(0).ticketIds()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(surges.get(0).numbers()).containsExactly(1001L, 1002L, 1003L, 1004L, 1005L);
        assertThat(surges.get(0).organizations()).isEqualTo(3);
        assertThat(surges.get(0).words()).containsExactly("export", "fail", "timeout");
    }

    @Test
    void tooFewTicketsOrTooFewOrganizationsAreNoSurge() {
        for (int i = 0; i < 4; i++) ticket(i % 3, "invoic", "miss");
        for (int i = 0; i < 5; i++) ticket(i % 2, "calendar", "empti");

        assertThat(SurgeGroups.find(recent, FIVE_FROM_THREE)).isEmpty();
    }

    @Test
    void similarMeansHalfTheWordsOfTheShorterSubject() {
        ticket(1, "dns", "resolv", "fail");
        ticket(2, "dns", "slow"); // shares 1 of 2: half of the shorter
        ticket(3, "dns", "resolv", "broken", "sinc", "morn"); // shares 2 of 3
        ticket(4, "dns", "panel", "login", "page"); // shares 1 of 3: not similar to the first
        ticket(5, "resolv", "fail", "again");

        var surges = SurgeGroups.find(recent, new SurgeWatch.Settings(4, 4, 30));

        // each ticket anchors its own group: the second is similar to the fourth (one of its two words)
        assertThat(surges)
                .extracting(SurgeWatch.Surge::ticketIds)
                .containsExactly(List.of(1L, 2L, 3L, 4L), List.of(1L, 2L, 3L, 5L));
    }

    @Test
    void groupsWithTheSameTicketsAreListedOnceBiggestFirstAtMostFive() {
        for (int word = 0; word < 7; word++) {
            for (int i = 0; i <= word + 2; i++) ticket(i, "word" + word, "extra" + word, "down");
        }

        var surges = SurgeGroups.find(recent, new SurgeWatch.Settings(3, 3, 30));

        assertThat(surges).hasSize(5);
        assertThat(surges).extracting(s -> s.ticketIds().size()).containsExactly(9, 8, 7, 6, 5);
        assertThat(surges.get(0).words()).containsExactly("down", "extra6", "word6");
    }

    @Test
    void ticketsWithoutOrganizationCountAsTicketsButNotAsOrganizations() {
        for (int i = 0; i < 5; i++) {
            long id = recent.size() + 1;
            recent.add(new SurgeGroups.Recent(id, id, i < 2 ? (long) i : null, new String[] {"outag"}));
        }

        assertThat(SurgeGroups.find(recent, new SurgeWatch.Settings(5, 2, 30))).hasSize(1);
        assertThat(SurgeGroups.find(recent, new SurgeWatch.Settings(5, 3, 30))).isEmpty();
    }
}

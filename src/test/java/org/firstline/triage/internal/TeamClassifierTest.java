package org.firstline.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TeamClassifierTest {
    private static final String[][] TOPICS = {
        {
            "1",
            "DNS record for custom domain not resolving",
            "Our CNAME points at you but the name does not resolve since yesterday."
        },
        {"1", "TLS certificate expires soon", "Monitoring warns that the certificate for our hub expires in six days."},
        {"1", "Home directory quota full", "Researchers hit the storage quota on their home directory."},
        {
            "2",
            "Cannot sign in with SSO",
            "New staff get 'user not allowed' when they sign in through the university SSO."
        },
        {"2", "Password reset email late", "Reset emails take twenty minutes to arrive, users give up."},
        {"2", "API token rejected", "Our CI token gets 401 from the API since the upgrade of the client."},
        {"3", "Workshop accounts for students", "We run a workshop next month and need temporary accounts for students."
        },
        {"3", "Docs unclear about scopes", "The documentation does not say which scopes a read-only token needs."},
        {"3", "How to add a python package", "What is the process to get a python package into the default image?"},
    };

    /** A fixed corpus: three topics per team, written with varying filler, as tickets arrive. */
    private static List<TeamClassifier.Example> corpus(int size, long seed) {
        var random = new Random(seed);
        String[] filler = {
            "Hello team,", "Hi,", "Urgent:", "Quick question.", "Thanks in advance.", "Regards, Ann", "See attached."
        };
        var examples = new ArrayList<TeamClassifier.Example>();
        for (int i = 0; i < size; i++) {
            String[] t = TOPICS[random.nextInt(TOPICS.length)];
            examples.add(new TeamClassifier.Example(
                    t[1],
                    filler[random.nextInt(filler.length)] + " " + t[2] + " " + filler[random.nextInt(filler.length)],
                    Long.parseLong(t[0])));
        }
        return examples;
    }

    @Test
    void learnsWhichTeamPastTicketsWentTo() {
        var model = TeamClassifier.train(corpus(300, 1));
        int right = 0;
        var test = corpus(100, 2);
        for (var e : test) {
            if (model.predict(e.subject(), e.body()).get(0).teamId() == e.teamId()) right++;
        }
        assertThat(right).isGreaterThanOrEqualTo(95);
    }

    @Test
    void generalisesToWordingItHasNotSeen() {
        var model = TeamClassifier.train(corpus(300, 1));
        var prediction = model.predict("students need accounts", "for a workshop on Friday");
        assertThat(prediction.get(0).teamId()).isEqualTo(3);
        assertThat(prediction.get(0).words()).contains("workshop");
        assertThat(prediction.get(0).share()).isGreaterThan(prediction.get(1).share());
    }

    @Test
    void sharesAddUpToOneAndStayModestForAnUnknownText() {
        var model = TeamClassifier.train(corpus(300, 1));
        var prediction = model.predict("zebra", "quantum banana");
        assertThat(prediction.stream()
                        .mapToDouble(TeamClassifier.Prediction::share)
                        .sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(prediction.get(0).share()).isLessThan(0.6);
    }

    @Test
    void theBlendLetsTheMapOverruleAWeakModel() {
        var model = TeamClassifier.train(corpus(300, 1));
        var rules = new OwnershipMatcher(List.of(
                new org.firstline.triage.OwnershipRule(1, 1, org.firstline.triage.RuleKind.KEYWORD, "zebra", 5)));
        var matches = rules.match("zebra", "quantum banana");
        assertThat(TeamBlend.best(matches, model.shares("zebra", "quantum banana"), 0.5))
                .isEqualTo(1L);
        // with no rule matching, the model decides alone
        assertThat(TeamBlend.best(List.of(), model.shares("Password reset", "slow email"), 0.5))
                .isEqualTo(2L);
    }
}

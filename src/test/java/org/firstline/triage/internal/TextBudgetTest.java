package org.firstline.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextBudgetTest {
    private final TextBudget budget = new TextBudget(10, 100);

    @Test
    void keepsShortTextsWhole() {
        assertThat(budget.clip("short")).isEqualTo("short");
        assertThat(budget.clip("")).isEmpty();
        assertThat(budget.clip(null)).isNull();
    }

    @Test
    void cutsLongTextsToTheirFirstCharacters() {
        assertThat(budget.clip("0123456789abcdef")).isEqualTo("0123456789");
    }

    @Test
    void neverCutsACharacterOutsideTheBasicPlaneInHalf() {
        String text = "012345678" + "😀" + "tail"; // the emoji is two chars, the 10th and 11th
        assertThat(budget.clip(text)).isEqualTo("012345678");
    }

    @Test
    void refusesABudgetThatHoldsNoText() {
        assertThatThrownBy(() -> new TextBudget(0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextBudget(10, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMegabyteOfPastedLogFindsTheSameSimilarTicketsAsItsBeginning() {
        String start = "Login page returns 502 after the proxy upgrade ";
        String huge = start + "x".repeat(10).concat(" trace line ").repeat(100_000);
        var index = SimilarIndex.build(List.of(
                new SimilarIndex.Entry(1, "Proxy upgrade broke login", "502 on the login page"),
                new SimilarIndex.Entry(2, "Invoice is wrong", "The amount on the invoice is too high")));
        assertThat(index.query("Login broken", huge, -1, 5))
                .extracting(SimilarIndex.Match::id)
                .containsExactly(1L);
        assertThat(index.query("Login broken", huge, -1, 5))
                .isEqualTo(index.query("Login broken", TextBudget.MODELS.clip(huge), -1, 5));
    }

    @Test
    void theClassifierReadsOnlyTheClippedText() {
        var model = TeamClassifier.train(List.of(
                new TeamClassifier.Example("Proxy upgrade broke login", "502 on the login page", 7),
                new TeamClassifier.Example("Invoice is wrong", "The amount on the invoice is too high", 8)));
        String huge = "502 on the login page " + " invoice".repeat(1_000_000);
        assertThat(model.predict("Login broken", huge))
                .isEqualTo(model.predict("Login broken", TextBudget.MODELS.clip(huge)));
    }
}

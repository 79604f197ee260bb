package org.firstline.triage;

import java.util.List;

/**
 * 2i2c's prioritisation order for non-incident requests, in order: a ticket is ranked by the first rule it meets.
 * Seven is the cut line: requests no rule above lifts rank level with "our other work"; only organizations with no
 * budget left (or none at all) come after it.
 */
public enum WorkRule {
    FUNDED("funded request"),
    MANY_ORGANIZATIONS("affects two or more organizations"),
    ALIGNED_WITH_GOALS("aligned with our goals"),
    ALIGNED_WITH_UPSTREAM("aligned with upstream"),
    LITTLE_BUDGET_USED("its organization has used under %d %% of this period's budget"),
    HIGH_IMPACT("major impact or worse on one organization"),
    OTHER_WORK("our other work"),
    NO_BUDGET("no budget left, or none");

    private final String words;

    WorkRule(String words) {
        this.words = words;
    }

    /** 1 to 8, as 2i2c numbers them. */
    public int number() {
        return List.of(values()).indexOf(this) + 1; // the rules are declared in 2i2c's order
    }

    public static WorkRule of(int number) {
        return values()[number - 1];
    }

    /** What the rule says, with the budget share in force. */
    public String words(int budgetSharePercent) {
        return this == LITTLE_BUDGET_USED ? words.formatted(budgetSharePercent) : words;
    }
}

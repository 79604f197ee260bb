package org.firstline.ticket;

/**
 * What one priority or impact level means for a plan.
 *
 * @param scale {@code PRIORITY} or {@code IMPACT}
 * @param level the enum name of the level
 * @param ownedByPlan true when the plan wrote its own words, false when they are everyone's default
 */
public record SeverityMeaning(String scale, String level, String meaning, boolean ownedByPlan) {}

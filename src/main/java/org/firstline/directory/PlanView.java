package org.firstline.directory;

/** A support plan: the budget of non-incident hours per period and whether cover is around the clock. */
public record PlanView(
        long id, String name, String description, int budgetHours, String budgetPeriod, boolean aroundTheClock) {}

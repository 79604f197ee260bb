package org.firstline.rota;

/**
 * One person's share of a rotation over a period: shifts begun in it, the weeks they make, and out-of-hours nights
 * (nights of an on-call or second-line shift whose small hours lie outside the rotation's calendar).
 */
public record FairnessRow(long agentId, String agentName, int shifts, double weeks, int outOfHoursNights) {}

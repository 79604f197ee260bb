package org.firstline.survey;

/**
 * A survey as the page behind its link shows it.
 *
 * @param newest whether it is the ticket's newest survey, the only one that can still be answered
 */
public record SurveyLink(long ticketNumber, String subject, boolean newest, SurveyView survey) {}

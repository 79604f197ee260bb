package org.firstline.survey;

import java.util.List;

/**
 * A survey just sent: its secret token (kept nowhere else), the page behind it, one link per rating (1 to 5, each
 * opening the page with that rating chosen) and the lines a plain-text mail carries.
 */
public record SurveyInvitation(long surveyId, String token, String pageUrl, List<String> ratingUrls, String mailText) {}

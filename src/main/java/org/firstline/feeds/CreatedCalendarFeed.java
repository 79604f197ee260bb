package org.firstline.feeds;

/** A feed just made, with its secret address: shown once, only the token's hash is stored. */
public record CreatedCalendarFeed(CalendarFeedView feed, String url) {}

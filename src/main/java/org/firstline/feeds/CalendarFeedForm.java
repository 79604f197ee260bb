package org.firstline.feeds;

import org.jspecify.annotations.Nullable;

/** What to subscribe to: a rota (admins), or a person (yourself; admins anyone). Neither given: your own shifts. */
public record CalendarFeedForm(
        @Nullable Long rotationId, @Nullable Long agentId) {}

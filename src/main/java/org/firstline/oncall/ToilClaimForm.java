package org.firstline.oncall;

import org.jspecify.annotations.Nullable;

/** The person's account of an episode: which one (its first page), whether a page woke them, minutes worked. */
public record ToilClaimForm(
        @Nullable String episodeStart,
        @Nullable Boolean woke,
        @Nullable Integer minutesWorked) {}

package org.firstline.sla;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a calendar answers for a start, an amount and pauses: the due instant; with an end, the working minutes to it. */
public record CalendarPreview(
        Instant start,
        Instant due,
        String dueLocal,
        @Nullable Long workingMinutesToEnd) {}

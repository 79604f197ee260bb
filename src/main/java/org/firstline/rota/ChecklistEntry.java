package org.firstline.rota;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A checklist item due on a day of the current shift, and whether (by whom, when) it was ticked. */
public record ChecklistEntry(
        long itemId,
        String title,
        LocalDate dueOn,
        boolean ticked,
        @Nullable String tickedBy,
        @Nullable Instant tickedAt) {}

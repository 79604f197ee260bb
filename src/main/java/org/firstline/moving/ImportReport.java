package org.firstline.moving;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import creates (or, in a dry run, would create), item by item, and what it could not bring over. Status is
 * "will be created" in a dry run, "created" in a real one, or "exists already" for a name already taken.
 */
public record ImportReport(
        boolean dryRun, List<Rota> rotas, List<Override> overrides, List<Policy> policies, List<String> warnings) {

    public record Rota(
            String name,
            String status,
            @Nullable Long id,
            String schedule,
            @Nullable String team,
            String handoffDay,
            String handoffTime,
            String timeZone,
            int shiftDays,
            String anchorDate,
            List<String> members) {}

    public record Override(
            String schedule, String rota, String person, Instant startsAt, Instant endsAt, String status) {}

    public record Step(int delayMinutes, List<String> targets) {}

    public record Policy(
            String name, String status, @Nullable Long id, int repeatCount, List<Step> steps) {}
}

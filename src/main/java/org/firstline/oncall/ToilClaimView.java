package org.firstline.oncall;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record ToilClaimView(
        long id,
        long agentId,
        String agentName,
        Instant episodeStart,
        int pages,
        boolean woke,
        int minutesWorked,
        int outOfHoursMinutes,
        BigDecimal days,
        String status,
        Instant confirmedAt,
        @Nullable Long decidedBy,
        @Nullable Instant decidedAt) {}

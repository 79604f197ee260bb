package org.firstline.oncall;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Out-of-hours pages of one person within an hour of the first: what a claim is made for. {@code proposedDays} is
 * what it earns before the person says more (a quarter day); {@code claim} once they have.
 */
public record ToilEpisode(
        long agentId,
        Instant firstPage,
        List<Instant> pages,
        BigDecimal proposedDays,
        @Nullable ToilClaimView claim) {}

package org.firstline.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** Where the current budget period of a plan began (periods run in UTC). */
public final class BudgetPeriods {
    private BudgetPeriods() {}

    public static Instant start(String period, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate start = switch (period) {
            case "YEAR" -> today.with(TemporalAdjusters.firstDayOfYear());
            case "QUARTER" -> today.with(IsoFields.DAY_OF_QUARTER, 1);
            default -> today.with(TemporalAdjusters.firstDayOfMonth());
        };
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

package org.firstline.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Shows instants in the signed-in agent's time zone; templates call it as {@code @times}. */
@Component("times")
public class DisplayTimes {
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SAME_YEAR = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final Clock clock;

    DisplayTimes(Clock clock) {
        this.clock = clock;
    }

    public String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(zone());
        return (local.getYear() == clock.instant().atZone(zone()).getYear() ? SAME_YEAR : FULL).format(local);
    }

    /** ISO form for datetime attributes. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /**
     * How far an instant is from now, either way: "just now" within a minute, then "40 min ago" / "in 40 min" below an
     * hour, "27 h ago" / "in 27 h" below two days (a day and a bit reads better in hours), else "3 d ago" / "in 3 d".
     */
    public String relative(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration d = Duration.between(clock.instant(), instant);
        boolean future = !d.isNegative();
        d = d.abs();
        String amount;
        // hours and days to the nearest, so an update due at 20:00 reads "in 2 h" at 18:01, not "in 1 h"
        long hours = Math.round(d.toMinutes() / 60.0);
        if (d.toMinutes() < 1) return "just now";
        else if (d.toHours() < 1) amount = d.toMinutes() + " min";
        else if (hours < 48) amount = hours + " h";
        else amount = Math.round(d.toMinutes() / 1440.0) + " d";
        return future ? "in " + amount : amount + " ago";
    }

    /** The same as {@link #relative}: the name templates used before due times ahead were shown too. */
    public String ago(Instant instant) {
        return relative(instant);
    }

    public String zoneName() {
        return zone().getId();
    }

    private static ZoneId zone() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AgentPrincipal agent ? agent.zone() : ZoneId.of("UTC");
    }
}

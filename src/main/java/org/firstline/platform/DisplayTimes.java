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

    /** "5 min ago", "3 h ago", "2 d ago". */
    public String ago(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration d = Duration.between(instant, clock.instant());
        if (d.isNegative() || d.toMinutes() < 1) return "just now";
        if (d.toHours() < 1) return d.toMinutes() + " min ago";
        if (d.toDays() < 1) return d.toHours() + " h ago";
        return d.toDays() + " d ago";
    }

    public String zoneName() {
        return zone().getId();
    }

    private static ZoneId zone() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AgentPrincipal agent ? agent.zone() : ZoneId.of("UTC");
    }
}

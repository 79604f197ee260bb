package org.firstline.sla;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.List;

/** A calendar as an admin writes it: hours are ranges per weekday, "09:00" to "17:00", several a day allowed. */
public record CalendarForm(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String name,

        @NotBlank(message = "is required") String timeZone,
        boolean aroundTheClock,
        @Valid List<Hours> hours) {

    public record Hours(
            @NotNull(message = "is required") DayOfWeek day,
            @NotBlank(message = "is required") String from,
            @NotBlank(message = "is required") String to) {}
}

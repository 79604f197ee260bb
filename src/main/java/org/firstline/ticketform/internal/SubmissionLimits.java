package org.firstline.ticketform.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many requests the form takes an hour: per address ({@code firstline.ticket-form.limit-per-hour}, 5) and per
 * network address ({@code network-limit-per-hour}, 20, higher since an office or a school shares one).
 */
@Component
public class SubmissionLimits {
    private final int perAddress;
    private final int perNetwork;

    SubmissionLimits(
            @Value("${firstline.ticket-form.limit-per-hour:5}") int perAddress,
            @Value("${firstline.ticket-form.network-limit-per-hour:20}") int perNetwork) {
        this.perAddress = perAddress;
        this.perNetwork = perNetwork;
    }

    int perAddress() {
        return perAddress;
    }

    int perNetwork() {
        return perNetwork;
    }
}

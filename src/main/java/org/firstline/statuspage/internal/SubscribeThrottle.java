package org.firstline.statuspage.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits subscribe requests per client address and per mail address, so the form cannot be used to flood an inbox
 * with confirmation mail or to fill the table. Counted per node, in fixed windows; no CAPTCHA.
 */
@Component
class SubscribeThrottle {
    private static final int MAX_KEYS = 50_000;

    private final Clock clock;
    private final int perClient;
    private final int perAddress;
    private final Duration window;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    SubscribeThrottle(
            Clock clock,
            @Value("${firstline.status.subscribe-per-client:10}") int perClient,
            @Value("${firstline.status.subscribe-per-address:3}") int perAddress,
            @Value("${firstline.status.subscribe-window:PT1H}") Duration window) {
        this.clock = clock;
        this.perClient = perClient;
        this.perAddress = perAddress;
        this.window = window;
    }

    private record Window(Instant start, int count) {}

    /** Counts the attempt; false when the client or the address has used up its window. */
    boolean allow(String client, String address) {
        Instant now = clock.instant();
        if (windows.size() > MAX_KEYS)
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        boolean clientOk = count("client:" + client, now) <= perClient;
        boolean addressOk = count("address:" + address, now) <= perAddress;
        return clientOk && addressOk;
    }

    private int count(String key, Instant now) {
        return windows.merge(
                        key,
                        new Window(now, 1),
                        (old, one) ->
                                now.isBefore(old.start().plus(window)) ? new Window(old.start(), old.count() + 1) : one)
                .count();
    }
}

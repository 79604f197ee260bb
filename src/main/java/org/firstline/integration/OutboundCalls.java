package org.firstline.integration;

import java.util.Map;
import org.firstline.integration.internal.OutboundGuard;
import org.firstline.integration.internal.OutboundHttp;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Calls out of Firstline for other modules (on-call webhooks, for one), under the same rules as integrations: only
 * http(s), only public addresses unless allowed, time-limited, no redirects followed.
 */
@Service
public class OutboundCalls {
    /** What came back: {@code ok} for a 2xx; {@code permanent} when asking again will not help; {@code error} in words. */
    public record Outcome(
            boolean ok, boolean permanent, @Nullable String error) {}

    private final OutboundHttp http;
    private final OutboundGuard guard;

    OutboundCalls(OutboundHttp http, OutboundGuard guard) {
        this.http = http;
        this.guard = guard;
    }

    /** Refuses, naming the field, a URL Firstline would not call. */
    public void checkUrl(String field, String url) {
        guard.checkUrl(field, url);
    }

    public Outcome postJson(String url, String json) {
        var result = http.send("POST", url, Map.of(), json);
        return new Outcome(result.ok(), result.permanent(), result.ok() ? null : result.describe());
    }
}

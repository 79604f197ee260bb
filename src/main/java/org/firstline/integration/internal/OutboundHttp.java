package org.firstline.integration.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Plain HTTP to the outside services, with a connect and a response time limit, and only to public addresses
 * ({@link OutboundGuard}). The guard resolves the name just before the call; the client then connects to what the JVM's
 * address cache holds for it (30 s by default), so the address checked is the address called.
 */
@Component
public class OutboundHttp {
    /** What came back, or why nothing did (status 0); {@code refused} when Firstline would not make the call at all. */
    public record Result(
            int status, @Nullable String body, @Nullable String error, boolean refused) {
        public Result(int status, @Nullable String body, @Nullable String error) {
            this(status, body, error, false);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** A refusal that asking again will not change (bad request, gone, no such hook); 408 and 429 are worth a retry. */
        public boolean permanent() {
            return refused || (status >= 400 && status < 500 && status != 408 && status != 429);
        }

        public @Nullable String describe() {
            return status == 0
                    ? error
                    : "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        }

        private static String abbreviate(String s) {
            String one = s.replaceAll("\\s+", " ").strip();
            return one.length() > 200 ? one.substring(0, 200) + "…" : one;
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final OutboundGuard guard;

    OutboundHttp(@Value("${firstline.integration.timeout:PT10S}") Duration timeout, OutboundGuard guard) {
        this.timeout = timeout;
        this.guard = guard;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Result send(String method, String url, Map<String, String> headers, @Nullable String body) {
        var refusal = guard.check(url);
        if (refusal.isPresent())
            return new Result(0, null, refusal.get().reason(), refusal.get().permanent());
        try {
            var builder = HttpRequest.newBuilder(URI.create(url))
                    .timeout(timeout)
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body))
                    .header("User-Agent", "Firstline");
            if (body != null) builder.header("Content-Type", "application/json");
            headers.forEach(builder::header);
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response.body(), null);
        } catch (HttpTimeoutException e) {
            return new Result(0, null, "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            return new Result(0, null, failure(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(0, null, "interrupted");
        }
    }

    /** Why nothing came back, in words an admin reads in the delivery log; no Java class names. */
    private static String failure(Exception e) {
        if (e instanceof java.net.ConnectException) return "connection refused";
        if (e instanceof java.net.UnknownHostException) return "could not resolve the host";
        if (e instanceof javax.net.ssl.SSLException)
            return "TLS failed" + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (e instanceof IllegalArgumentException) return "not a valid address";
        return e.getMessage() == null ? "the connection failed" : "the connection failed: " + e.getMessage();
    }
}

package org.firstline.statuspage.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Function;
import org.firstline.incident.PublicStatus;
import org.firstline.platform.FirstlineSettings;
import org.firstline.platform.MarkdownRenderer;
import org.firstline.statuspage.internal.AtomFeed;
import org.firstline.statuspage.internal.PublicPages;
import org.firstline.statuspage.internal.StatusJson;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page for machines: Statuspage-compatible JSON and an Atom feed, from the board's reading in memory. Each body is
 * made once per reading (and, for the JSON, per state of the maintenance windows) and then served as is, with a weak
 * ETag so pollers get a 304.
 */
@RestController
class StatusFeedController {
    static final CacheControl CACHE =
            CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic();
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final PublicPages pages;
    private final StatusJson json;
    private final AtomFeed atom;
    private final JsonMapper mapper;
    private final Clock clock;
    private final Body summary = new Body();
    private final Body status = new Body();
    private final Body feed = new Body();

    StatusFeedController(
            PublicPages pages, FirstlineSettings settings, MarkdownRenderer markdown, JsonMapper mapper, Clock clock) {
        this.pages = pages;
        this.json = new StatusJson(settings.publicUrl());
        this.atom = new AtomFeed(settings.publicUrl(), markdown);
        this.mapper = mapper;
        this.clock = clock;
    }

    @GetMapping("/status/summary.json")
    ResponseEntity<byte[]> summary(WebRequest request) {
        Instant now = clock.instant();
        PublicStatus reading = pages.status();
        String windows = reading.windows(now);
        return answer(
                request,
                summary.of(reading, windows, r -> mapper.writeValueAsBytes(json.summary(r, now))),
                MediaType.APPLICATION_JSON);
    }

    @GetMapping("/status/status.json")
    ResponseEntity<byte[]> status(WebRequest request) {
        Instant now = clock.instant();
        PublicStatus reading = pages.status();
        return answer(
                request,
                status.of(reading, reading.windows(now), r -> mapper.writeValueAsBytes(json.status(r, now))),
                MediaType.APPLICATION_JSON);
    }

    @GetMapping("/status/feed.atom")
    ResponseEntity<byte[]> feed(WebRequest request) {
        PublicStatus reading = pages.status();
        return answer(request, feed.of(reading, "", r -> atom.write(r).getBytes(StandardCharsets.UTF_8)), ATOM);
    }

    private static ResponseEntity<byte[]> answer(WebRequest request, Made made, MediaType type) {
        if (request.checkNotModified(made.etag())) {
            return ResponseEntity.status(304)
                    .cacheControl(CACHE)
                    .eTag(made.etag())
                    .build();
        }
        return ResponseEntity.ok()
                .cacheControl(CACHE)
                .eTag(made.etag())
                .header("Access-Control-Allow-Origin", "*")
                .contentType(type)
                .body(made.bytes());
    }

    private record Made(PublicStatus reading, String variant, byte[] bytes, String etag) {}

    /** The last body made, kept while the reading (the same object) and the variant stay. */
    private static final class Body {
        private volatile @Nullable Made last;

        Made of(PublicStatus reading, String variant, Function<PublicStatus, byte[]> make) {
            Made made = last;
            if (made != null && made.reading() == reading && made.variant().equals(variant)) return made;
            byte[] bytes = make.apply(reading);
            String etag = "W/\"" + HexFormat.of().toHexDigits(java.util.Arrays.hashCode(bytes)) + "\"";
            made = new Made(reading, variant, bytes, etag);
            last = made;
            return made;
        }
    }
}

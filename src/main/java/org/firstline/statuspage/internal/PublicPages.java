package org.firstline.statuspage.internal;

import java.time.Clock;
import java.time.Duration;
import org.firstline.incident.PublicStatus;
import org.firstline.incident.StatusBoard;
import org.firstline.platform.MarkdownRenderer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The status page of the board's current reading, rendered again only when the reading changes. */
@Component
public class PublicPages {
    private final StatusBoard board;
    private final MarkdownRenderer markdown;
    private final Clock clock;
    private final Duration staleAfter;
    private volatile PublicPage.@Nullable Rendered rendered;

    PublicPages(
            StatusBoard board,
            MarkdownRenderer markdown,
            Clock clock,
            @Value("${firstline.status.stale-after:PT1M}") Duration staleAfter) {
        this.board = board;
        this.markdown = markdown;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    public PublicPage current() {
        PublicStatus status = board.current();
        java.time.Instant now = clock.instant();
        var cached = rendered;
        if (cached == null || cached.reading() != status || !cached.windows().equals(status.windows(now))) {
            cached = PublicPage.Rendered.of(status, now, markdown);
            rendered = cached;
        }
        return cached.at(now, staleAfter);
    }

    /** The reading itself, for the feeds. */
    public PublicStatus status() {
        return board.current();
    }

    public Duration staleAfter() {
        return staleAfter;
    }
}

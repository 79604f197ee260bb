package org.firstline.ticketform;

import java.time.Instant;
import java.util.List;

/**
 * Words or phrases that, typed into the public form, suggest something to read (an article) or a tool to try (a
 * link whose address is filled from the form: {@code {domain}}, {@code {email}}, {@code {subject}}).
 */
public record DeflectionRule(
        long id, List<String> phrases, Kind kind, String title, String url, Instant createdAt, Instant updatedAt) {

    public enum Kind {
        ARTICLE,
        TOOL
    }
}

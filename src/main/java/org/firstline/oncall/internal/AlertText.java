package org.firstline.oncall.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reading what monitoring systems send: strings cleaned of what PostgreSQL refuses (NUL, lone surrogates) and other
 * control characters, maps of strings within limits, times within PostgreSQL's range, and only http(s) links. Every
 * refusal names the field, so the sender can see what to fix.
 */
public final class AlertText {
    static final int MAX_ENTRIES = 100;
    static final int MAX_KEY = 200;
    static final int MAX_LABEL = 2000;
    static final int MAX_ANNOTATION = 10000;
    static final int MAX_URL = 2000;

    private AlertText() {}

    /** Drops NUL, other control characters but tab and newlines, and unpaired surrogates. */
    public static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(++i));
                }
                continue;
            }
            if (Character.isLowSurrogate(c)) continue;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
            if (c == 0x7f) continue;
            out.append(c);
        }
        return out.toString();
    }

    public static String cut(String text, int max) {
        if (text.length() <= max) return text;
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end);
    }

    /** An optional string field; present but not a string is refused. */
    static @Nullable String string(JsonNode parent, String name, String field, int max) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) return null;
        if (!node.isString()) throw new InvalidRequestException(field, "must be a string");
        String value = clean(node.stringValue());
        if (value.length() > max) throw new InvalidRequestException(field, "must be at most " + max + " characters");
        return value;
    }

    /** An object of string values (labels, annotations); absent is empty. */
    static Map<String, String> strings(JsonNode parent, String name, String field, int maxValue) {
        JsonNode node = parent.get(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) return out;
        if (!node.isObject()) throw new InvalidRequestException(field, "must be an object of strings");
        if (node.size() > MAX_ENTRIES) {
            throw new InvalidRequestException(field, "must have at most " + MAX_ENTRIES + " entries");
        }
        for (var entry : node.properties()) {
            String key = clean(entry.getKey());
            if (key.isEmpty() || key.length() > MAX_KEY) {
                throw new InvalidRequestException(field, "names must be 1 to " + MAX_KEY + " characters");
            }
            JsonNode value = entry.getValue();
            if (!value.isString()) throw new InvalidRequestException(field + "." + key, "must be a string");
            String text = clean(value.stringValue());
            if (text.length() > maxValue) {
                throw new InvalidRequestException(field + "." + key, "must be at most " + maxValue + " characters");
            }
            out.put(key, text);
        }
        return out;
    }

    /** An RFC 3339 time; Go's zero time (year 1), which Alertmanager sends for "not ended", is none. */
    static @Nullable Instant time(JsonNode parent, String name, String field) {
        String text = string(parent, name, field, 100);
        if (text == null || text.isBlank()) return null;
        try {
            OffsetDateTime time = OffsetDateTime.parse(text.strip());
            if (time.getYear() <= 1) return null;
            if (time.getYear() < 1970 || time.getYear() > 9999) {
                throw new InvalidRequestException(field, "must be a time between 1970 and 9999");
            }
            return time.toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be an RFC 3339 time such as 2026-12-01T09:00:00Z");
        }
    }

    /** An http or https address, else none: a link is only ever shown if it cannot run script. */
    public static @Nullable String webLink(@Nullable String text) {
        if (text == null) return null;
        String link = text.strip();
        if (link.isEmpty() || link.length() > MAX_URL) return null;
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null) return null;
            String lower = scheme.toLowerCase(Locale.ROOT);
            return lower.equals("http") || lower.equals("https") ? link : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

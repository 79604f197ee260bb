package org.firstline.ticketform.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.firstline.ticketform.DeflectionRule;
import org.firstline.ticketform.Suggestion;
import org.jspecify.annotations.Nullable;

/**
 * The rules compiled for matching: each rule's phrases as one case-insensitive pattern that matches whole words
 * only ("dns" in "DNS records", not in "dnssec"). Immutable, so a reload swaps it in whole.
 */
public final class RuleMatcher {
    public static final List<String> PLACEHOLDERS = List.of("{domain}", "{email}", "{subject}");
    static final int MAX_SUGGESTIONS = 5;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?<![\\p{L}\\p{N}.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,24}(?![\\p{L}\\p{N}-])",
            Pattern.CASE_INSENSITIVE);

    private record Compiled(DeflectionRule rule, Pattern pattern) {}

    private final List<Compiled> rules;

    public RuleMatcher(List<DeflectionRule> rules) {
        this.rules =
                rules.stream().map(r -> new Compiled(r, pattern(r.phrases()))).toList();
    }

    static Pattern pattern(List<String> phrases) {
        String alternatives =
                phrases.stream().map(p -> Pattern.quote(p.strip())).collect(Collectors.joining("|"));
        return Pattern.compile(
                "(?<![\\p{L}\\p{N}_])(?:" + alternatives + ")(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The rules the text matches, in rule order, at most {@link #MAX_SUGGESTIONS}. */
    public List<Suggestion> suggest(String text, String email, String subject) {
        String typed = subject + "\n" + text;
        List<Suggestion> found = new ArrayList<>();
        String domain = null;
        for (Compiled c : rules) {
            if (!c.pattern().matcher(typed).find()) continue;
            String url = c.rule().url();
            if (url.contains("{domain}")) {
                if (domain == null) domain = domain(typed, email);
                if (domain.isEmpty()) continue;
            }
            found.add(new Suggestion(
                    c.rule().id(),
                    c.rule().kind(),
                    c.rule().title(),
                    fill(url, domain == null ? "" : domain, email, subject)));
            if (found.size() == MAX_SUGGESTIONS) break;
        }
        return found;
    }

    /** The first domain name in the text, else the domain of the address, else nothing. */
    static String domain(String text, String email) {
        Matcher m = DOMAIN.matcher(text);
        if (m.find()) return m.group().toLowerCase(Locale.ROOT);
        int at = email.lastIndexOf('@');
        String fromAddress = at < 0 ? "" : email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        return DOMAIN.matcher(fromAddress).matches() ? fromAddress : "";
    }

    static String fill(String template, String domain, String email, String subject) {
        return template.replace("{domain}", encode(domain))
                .replace("{email}", encode(email))
                .replace("{subject}", encode(subject));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The first placeholder that is not one of {@link #PLACEHOLDERS}, if any. */
    public static @Nullable String unknownPlaceholder(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group())) return m.group();
        }
        return null;
    }

    /** The template with sample values, to check that it makes an address. */
    public static String sample(String template) {
        return fill(template, "example.com", "someone@example.com", "subject");
    }
}

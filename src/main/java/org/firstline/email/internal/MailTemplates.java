package org.firstline.email.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The editable texts of automatic mail, with {{placeholders}} filled in. */
@Component
public class MailTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z.]+)\\s*}}");

    public enum Key { ACKNOWLEDGEMENT, APPROVAL_REQUEST, APPROVAL_REJECTED }

    public record Rendered(String subject, String body) {}

    private final JdbcClient jdbc;

    MailTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Rendered render(Key key, Map<String, String> values) {
        return jdbc.sql("select subject, body from email_template where key = ?").param(key.name())
                .query((rs, n) -> new Rendered(fill(rs.getString("subject"), values), fill(rs.getString("body"), values)))
                .single();
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}

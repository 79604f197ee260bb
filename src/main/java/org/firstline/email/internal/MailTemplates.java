package org.firstline.email.internal;

import java.util.Map;
import org.firstline.ticket.CannedResponseService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The editable texts of automatic mail, with {{placeholders}} filled in as in canned responses. */
@Component
public class MailTemplates {
    public enum Key {
        ACKNOWLEDGEMENT,
        APPROVAL_REQUEST,
        APPROVAL_REJECTED,
        ASSIGNED,
        ASSIGNEE_ALERT,
        SLA_ALERT,
        RESOLUTION,
        LEAD
    }

    public record Rendered(String subject, String body) {}

    private final JdbcClient jdbc;

    MailTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Rendered render(Key key, Map<String, String> values) {
        return jdbc.sql("select subject, body from email_template where key = ?")
                .param(key.name())
                .query((rs, n) -> new Rendered(
                        CannedResponseService.render(rs.getString("subject"), values),
                        CannedResponseService.render(rs.getString("body"), values)))
                .single();
    }
}

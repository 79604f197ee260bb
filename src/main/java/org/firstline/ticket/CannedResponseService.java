package org.firstline.ticket;

import static org.firstline.ticket.internal.TicketRows.requiredInstant;
import static org.firstline.ticket.internal.TicketRows.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Canned responses with placeholders such as {@code {{requester.name}}}, {@code {{ticket.number}}},
 * {@code {{ticket.subject}}}, {@code {{agent.name}}} and {@code {{organization.name}}}.
 */
@Service
public class CannedResponseService {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z]+\\.[a-z]+)\\s*}}");

    private final JdbcClient jdbc;
    private final Clock clock;

    CannedResponseService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<CannedResponseView> list() {
        return jdbc.sql("select * from canned_response order by name")
                .query(CannedResponseService::canned)
                .list();
    }

    public CannedResponseView get(long id) {
        return jdbc.sql("select * from canned_response where id = ?")
                .param(id)
                .query(CannedResponseService::canned)
                .optional()
                .orElseThrow(() -> new NotFoundException("Canned response " + id + " does not exist."));
    }

    @Transactional
    public CannedResponseView create(CannedResponseForm form) {
        if (form.name() == null || form.body() == null) {
            throw new InvalidRequestException(form.name() == null ? "name" : "body", "is required");
        }
        try {
            long id = jdbc.sql(
                            "insert into canned_response (name, body, created_at, updated_at) values (?, ?, ?, ?) returning id")
                    .params(form.name().strip(), form.body(), timestamp(clock.instant()), timestamp(clock.instant()))
                    .query(Long.class)
                    .single();
            return get(id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "A canned response named '" + form.name().strip() + "' already exists.");
        }
    }

    @Transactional
    public CannedResponseView update(long id, CannedResponseForm form) {
        var current = get(id);
        try {
            jdbc.sql("update canned_response set name = ?, body = ?, updated_at = ? where id = ?")
                    .params(
                            form.name() == null ? current.name() : form.name().strip(),
                            form.body() == null ? current.body() : form.body(),
                            timestamp(clock.instant()),
                            id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "A canned response named '" + form.name().strip() + "' already exists.");
        }
        return get(id);
    }

    /** Fills the placeholders; an unknown placeholder stays as written so the agent sees it before sending. */
    public static String render(String body, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static CannedResponseView canned(ResultSet rs, int n) throws SQLException {
        return new CannedResponseView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("body"),
                requiredInstant(rs, "created_at"),
                requiredInstant(rs, "updated_at"));
    }
}

package org.firstline.ticket.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.firstline.ticket.Channel;
import org.firstline.ticket.Impact;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.Priority;
import org.firstline.ticket.Resolution;
import org.firstline.ticket.ResolutionOutcome;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketType;
import org.firstline.ticket.TicketView;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/** How tickets are read from SQL: one select list and one row mapper for every query that returns tickets. */
public final class TicketRows {
    /** The columns of a ticket row aliased {@code t}, with its labels and cc. */
    public static final String COLUMNS = """
            select t.*,
                   array(select l.name from ticket_label tl join label l on l.id = tl.label_id
                          where tl.ticket_id = t.id order by l.name) as label_names,
                   array(select w.email from ticket_watcher w where w.ticket_id = t.id order by w.email) as cc_emails,
                   impact_is_critical(t.impact) as critical
            """;

    public static final String SELECT = COLUMNS + " from ticket t\n";

    private TicketRows() {}

    public static TicketView ticket(ResultSet rs, int rowNum) throws SQLException {
        return new TicketView(
                rs.getLong("id"),
                rs.getLong("number"),
                rs.getString("subject"),
                TicketStatus.valueOf(rs.getString("status")),
                enumOrNull(PendingReason.class, rs.getString("pending_reason")),
                Priority.valueOf(rs.getString("priority")),
                TicketType.valueOf(rs.getString("type")),
                Impact.valueOf(rs.getString("impact")),
                Channel.valueOf(rs.getString("channel")),
                rs.getLong("requester_id"),
                rs.getObject("organization_id", Long.class),
                rs.getObject("service_id", Long.class),
                rs.getObject("team_id", Long.class),
                rs.getObject("owner_id", Long.class),
                rs.getBoolean("funded"),
                rs.getString("funding_reference"),
                strings(rs.getArray("label_names")),
                strings(rs.getArray("cc_emails")),
                enumOrNull(Resolution.class, rs.getString("resolution")),
                rs.getString("resolution_link"),
                enumOrNull(ResolutionOutcome.class, rs.getString("resolution_outcome")),
                rs.getBoolean("internal"),
                requiredInstant(rs, "created_at"),
                requiredInstant(rs, "updated_at"),
                instant(rs, "resolved_at"),
                instant(rs, "closed_at"),
                rs.getBoolean("critical"));
    }

    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** A NOT NULL timestamp column. */
    public static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        return Objects.requireNonNull(instant(rs, column), column);
    }

    @Contract("!null -> !null")
    public static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static <E extends Enum<E>> @Nullable E enumOrNull(Class<E> type, @Nullable String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}

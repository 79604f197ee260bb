package org.firstline.sla.internal;

import java.time.Instant;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.Priority;
import org.firstline.ticket.TicketStatus;
import org.jspecify.annotations.Nullable;

/** What a ticket's service levels depend on: priority, status, whether it is critical, and its organization's plan. */
record TicketFacts(
        long ticketId,
        Priority priority,
        TicketStatus status,
        @Nullable PendingReason pendingReason,
        Instant createdAt,
        @Nullable Long planId,
        boolean aroundTheClockPlan,
        boolean critical) {

    static final String SELECT = """
            select t.id, t.priority, t.status, t.pending_reason, t.created_at, o.plan_id, coalesce(p.around_the_clock, false) as around,
                   impact_is_critical(t.impact) as critical
            from ticket t left join organization o on o.id = t.organization_id left join support_plan p on p.id = o.plan_id""";

    static TicketFacts read(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String reason = rs.getString("pending_reason");
        return new TicketFacts(
                rs.getLong("id"),
                Priority.valueOf(rs.getString("priority")),
                TicketStatus.valueOf(rs.getString("status")),
                reason == null ? null : PendingReason.valueOf(reason),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("plan_id", Long.class),
                rs.getBoolean("around"),
                rs.getBoolean("critical"));
    }

    boolean finished() {
        return status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
    }
}

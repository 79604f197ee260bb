package org.firstline.ticket;

import static org.firstline.ticket.internal.TicketRows.requiredInstant;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the audit trail the database triggers write. */
@Service
public class AuditTrail {
    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditEntryView> forTicket(long ticketId) {
        return jdbc.sql("select * from audit_entry where ticket_id = ? order by id")
                .param(ticketId)
                .query(AuditTrail::entry)
                .list();
    }

    /** The trail of anything else: an organization, contact, agent, team, plan or token. */
    public List<AuditEntryView> forEntity(String entity, long entityId, int limit) {
        return jdbc.sql("select * from audit_entry where entity = ? and entity_id = ? order by id desc limit ?")
                .params(entity, entityId, limit)
                .query(AuditTrail::entry)
                .list();
    }

    /** The newest changes to any row of a kind, e.g. every mailbox or email template. */
    public List<AuditEntryView> forEntity(String entity, int limit) {
        return jdbc.sql("select * from audit_entry where entity = ? order by id desc limit ?")
                .params(entity, limit)
                .query(AuditTrail::entry)
                .list();
    }

    private static AuditEntryView entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AuditEntryView(
                rs.getLong("id"),
                rs.getObject("ticket_id", Long.class),
                rs.getString("entity"),
                rs.getObject("entity_id", Long.class),
                rs.getString("action"),
                rs.getString("field"),
                rs.getString("before"),
                rs.getString("after"),
                rs.getString("actor"),
                requiredInstant(rs, "at"));
    }
}

package org.firstline.portal.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who a session's contact is now, with the organizations they belong to and represent, in one query. */
@Component
public class CustomerDirectory {
    private final JdbcClient jdbc;

    CustomerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Customer> customer(PortalSessions.Live session) {
        var rows = jdbc.sql("""
                select c.name, (select e.email from contact_email e where e.contact_id = c.id order by e.email limit 1) as email,
                       o.id as organization_id, o.name as organization, co.representative
                from contact c
                left join contact_organization co on co.contact_id = c.id
                left join organization o on o.id = co.organization_id
                where c.id = ?
                order by o.name""")
                .param(session.contactId())
                .query((rs, n) -> new Object[] {
                    rs.getString("name"),
                    rs.getString("email"),
                    rs.getObject("organization_id", Long.class),
                    rs.getString("organization"),
                    rs.getBoolean("representative")
                })
                .list();
        if (rows.isEmpty() || rows.get(0)[1] == null) return Optional.empty();
        List<Customer.Organization> organizations = rows.stream()
                .filter(r -> r[2] != null)
                .map(r -> new Customer.Organization((Long) r[2], (String) r[3], (Boolean) r[4]))
                .toList();
        return Optional.of(new Customer(
                session.contactId(), session.id(), (String) rows.get(0)[0], (String) rows.get(0)[1], organizations));
    }
}

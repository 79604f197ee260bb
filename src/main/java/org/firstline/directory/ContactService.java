package org.firstline.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contacts: people at customer organizations, each with one or more addresses and organizations. */
@Service
public class ContactService {
    private static final String SELECT = """
            select c.id, c.name, c.created_at,
                   (select array_agg(e.email order by e.email) from contact_email e where e.contact_id = c.id) as emails,
                   (select array_agg(co.organization_id || ':' || co.representative order by co.organization_id)
                      from contact_organization co where co.contact_id = c.id) as memberships
            from contact c
            """;

    /** The lookup of a contact by address, as every ticket creation runs it (the benchmark replays it). */
    public static final String BY_EMAIL =
            SELECT + " where c.id = (select contact_id from contact_email where email = ?)";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;

    ContactService(JdbcClient jdbc, Clock clock, AuditStamp audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public List<ContactView> list(@Nullable Long organizationId, @Nullable String query, int limit) {
        return jdbc.sql(SELECT + """
                 where (cast(:org as bigint) is null or exists (select 1 from contact_organization co
                            where co.contact_id = c.id and co.organization_id = :org))
                   and (cast(:q as text) is null or c.name ilike :q or exists (select 1 from contact_email e
                            where e.contact_id = c.id and e.email like lower(:q)))
                 order by c.name, c.id limit :limit""")
                .param("org", organizationId)
                .param("q", query == null || query.isBlank() ? null : "%" + query.trim() + "%")
                .param("limit", limit)
                .query(ContactService::contact)
                .list();
    }

    public ContactView get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Contact " + id + " does not exist."));
    }

    public Optional<ContactView> find(long id) {
        return jdbc.sql(SELECT + " where c.id = ?")
                .param(id)
                .query(ContactService::contact)
                .optional();
    }

    public Optional<ContactView> byEmail(String email) {
        return jdbc.sql(BY_EMAIL)
                .param(normalize(email))
                .query(ContactService::contact)
                .optional();
    }

    /** Names of these contacts, for lists that show many tickets at once. */
    public Map<Long, String> names(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new java.util.HashMap<>();
        jdbc.sql("select id, name from contact where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    /** Representatives of an organization, for approval requests and the ticket's side panel. */
    public List<ContactView> representatives(long organizationId) {
        return jdbc.sql(SELECT + """
                 where exists (select 1 from contact_organization co
                               where co.contact_id = c.id and co.organization_id = ? and co.representative)
                 order by c.name""")
                .param(organizationId)
                .query(ContactService::contact)
                .list();
    }

    /** The contact with this address, created (with the given name) when there is none. */
    @Transactional
    public ContactView findOrCreate(String email, @Nullable String name) {
        audit.stampCurrentActor();
        String address = normalize(email);
        var existing = byEmail(address);
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = insertContact(
                name == null || name.isBlank() ? address.substring(0, address.indexOf('@')) : name.trim());
        int inserted = jdbc.sql("insert into contact_email (email, contact_id) values (?, ?) on conflict do nothing")
                .params(address, id)
                .update();
        if (inserted == 0) {
            // another transaction added the address between our read and insert: use theirs
            jdbc.sql("delete from contact where id = ?").param(id).update();
            return byEmail(address).orElseThrow();
        }
        joinByDomain(id, address);
        return get(id);
    }

    /**
     * A contact in no organization joins the one the domain of this address of theirs maps to, if exactly one does, as
     * a new contact does: whoever writes from a customer's domain is filed with that customer.
     */
    @Transactional
    public ContactView joinDomainOrganization(ContactView contact, String email) {
        if (!contact.organizations().isEmpty()) {
            return contact;
        }
        audit.stampCurrentActor();
        return joinByDomain(contact.id(), normalize(email)) ? get(contact.id()) : contact;
    }

    private boolean joinByDomain(long contactId, String address) {
        var domainOrganization = jdbc.sql("select id from organization where ? = any(domains)")
                .param(address.substring(address.indexOf('@') + 1))
                .query(Long.class)
                .list();
        return domainOrganization.size() == 1
                && jdbc.sql("""
                insert into contact_organization (contact_id, organization_id) values (?, ?) on conflict do nothing""").params(contactId, domainOrganization.get(0)).update() == 1;
    }

    @Transactional
    public ContactView create(ContactForm form) {
        audit.stampCurrentActor();
        if (form.name() == null || form.name().isBlank()) {
            throw new InvalidRequestException("name", "is required");
        }
        if (form.emails() == null || form.emails().isEmpty()) {
            throw new InvalidRequestException("emails", "needs at least one address");
        }
        long id = insertContact(form.name().trim());
        replaceEmails(id, form.emails());
        replaceMemberships(id, form.organizations() == null ? List.of() : form.organizations());
        return get(id);
    }

    @Transactional
    public ContactView update(long id, ContactForm form) {
        audit.stampCurrentActor();
        get(id);
        if (form.name() != null) {
            if (form.name().isBlank()) {
                throw new InvalidRequestException("name", "must not be blank");
            }
            jdbc.sql("update contact set name = ? where id = ?")
                    .params(form.name().trim(), id)
                    .update();
        }
        if (form.emails() != null) {
            if (form.emails().isEmpty()) {
                throw new InvalidRequestException("emails", "needs at least one address");
            }
            replaceEmails(id, form.emails());
        }
        if (form.organizations() != null) {
            replaceMemberships(id, form.organizations());
        }
        return get(id);
    }

    private long insertContact(String name) {
        return jdbc.sql("insert into contact (name, created_at) values (?, ?) returning id")
                .params(name, Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    private void replaceEmails(long id, List<String> emails) {
        jdbc.sql("delete from contact_email where contact_id = ?").param(id).update();
        for (String email :
                emails.stream().map(ContactService::normalize).distinct().toList()) {
            var owner = jdbc.sql("select contact_id from contact_email where email = ?")
                    .param(email)
                    .query(Long.class)
                    .optional();
            if (owner.isPresent()) {
                throw new ConflictException(
                        "The address " + email + " already belongs to contact " + owner.get() + ".");
            }
            jdbc.sql("insert into contact_email (email, contact_id) values (?, ?)")
                    .params(email, id)
                    .update();
        }
    }

    private void replaceMemberships(long id, List<ContactForm.Membership> memberships) {
        jdbc.sql("delete from contact_organization where contact_id = ?")
                .param(id)
                .update();
        Map<Long, Boolean> unique = new LinkedHashMap<>();
        memberships.forEach(m -> unique.merge(m.organizationId(), m.representative(), Boolean::logicalOr));
        unique.forEach((organizationId, representative) -> {
            if (jdbc.sql("select count(*) from organization where id = ?")
                            .param(organizationId)
                            .query(Integer.class)
                            .single()
                    == 0) {
                throw new InvalidRequestException("organizations", "no organization with id " + organizationId);
            }
            jdbc.sql("insert into contact_organization (contact_id, organization_id, representative) values (?, ?, ?)")
                    .params(id, organizationId, representative)
                    .update();
        });
    }

    static String normalize(String email) {
        String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (!address.matches("^[^@\\s]+@[^@\\s]+$")) {
            throw new InvalidRequestException("email", "'" + email + "' is not an email address");
        }
        return address;
    }

    private static ContactView contact(ResultSet rs, int n) throws SQLException {
        List<ContactView.Membership> memberships = new ArrayList<>();
        for (String m : OrganizationService.strings(rs.getArray("memberships"))) {
            int colon = m.indexOf(':');
            memberships.add(new ContactView.Membership(
                    Long.parseLong(m.substring(0, colon)), "true".equals(m.substring(colon + 1))));
        }
        return new ContactView(
                rs.getLong("id"),
                rs.getString("name"),
                OrganizationService.strings(rs.getArray("emails")),
                memberships,
                rs.getTimestamp("created_at").toInstant());
    }
}

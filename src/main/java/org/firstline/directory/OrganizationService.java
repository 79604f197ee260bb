package org.firstline.directory;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizations, their support plans and their services. */
@Service
public class OrganizationService {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    OrganizationService(
            JdbcClient jdbc,
            Clock clock,
            AuditStamp audit,
            org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    public List<OrganizationView> list() {
        return jdbc.sql("select * from organization order by name")
                .query(OrganizationService::organization)
                .list();
    }

    public OrganizationView get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Organization " + id + " does not exist."));
    }

    public Optional<OrganizationView> find(long id) {
        return jdbc.sql("select * from organization where id = ?")
                .param(id)
                .query(OrganizationService::organization)
                .optional();
    }

    /** The organization that maps the domain of this address, if exactly one does. */
    public Optional<OrganizationView> byEmailDomain(String email) {
        String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        var matches = jdbc.sql("select * from organization where ? = any(domains)")
                .param(domain)
                .query(OrganizationService::organization)
                .list();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    @Transactional
    public OrganizationView create(OrganizationForm form) {
        audit.stampCurrentActor();
        checkReferences(form);
        try {
            long id = jdbc.sql("""
                    insert into organization (name, plan_id, domains, representatives_only, account_manager_id, notes, created_at)
                    values (:name, :plan, :domains, :repsOnly, :manager, :notes, :now) returning id""")
                    .param("name", form.name().trim())
                    .param("plan", form.planId())
                    .param("domains", domains(form.domains()))
                    .param("repsOnly", Boolean.TRUE.equals(form.representativesOnly()))
                    .param("manager", form.accountManagerId())
                    .param("notes", form.notes() == null ? "" : form.notes())
                    .param("now", java.sql.Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
            return get(id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("An organization named '" + form.name().trim() + "' already exists.");
        }
    }

    @Transactional
    public OrganizationView update(long id, OrganizationForm form) {
        audit.stampCurrentActor();
        var current = get(id);
        checkReferences(form);
        try {
            jdbc.sql("""
                    update organization set name = :name, plan_id = :plan, domains = :domains,
                           representatives_only = :repsOnly, account_manager_id = :manager, notes = :notes where id = :id""")
                    .param("id", id)
                    .param(
                            "name",
                            form.name() == null ? current.name() : form.name().trim())
                    .param("plan", form.planId() == null ? current.planId() : form.planId())
                    .param("domains", domains(form.domains() == null ? current.domains() : form.domains()))
                    .param(
                            "repsOnly",
                            form.representativesOnly() == null
                                    ? current.representativesOnly()
                                    : form.representativesOnly())
                    .param(
                            "manager",
                            form.accountManagerId() == null ? current.accountManagerId() : form.accountManagerId())
                    .param("notes", form.notes() == null ? current.notes() : form.notes())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("An organization named '" + form.name().trim() + "' already exists.");
        }
        var updated = get(id);
        if (!java.util.Objects.equals(updated.planId(), current.planId())) {
            events.publishEvent(new OrganizationPlanChanged(id, current.planId(), updated.planId()));
        }
        return updated;
    }

    public List<PlanView> plans() {
        return jdbc.sql("select * from support_plan order by name")
                .query((rs, n) -> plan(rs))
                .list();
    }

    public Optional<PlanView> plan(long id) {
        return jdbc.sql("select * from support_plan where id = ?")
                .param(id)
                .query((rs, n) -> plan(rs))
                .optional();
    }

    @Transactional
    public PlanView createPlan(
            String name, String description, int budgetHours, String period, boolean aroundTheClock) {
        audit.stampCurrentActor();
        try {
            long id = jdbc.sql("""
                    insert into support_plan (name, description, budget_hours, budget_period, around_the_clock, created_at)
                    values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            name,
                            description,
                            budgetHours,
                            period,
                            aroundTheClock,
                            java.sql.Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
            return plan(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A plan named '" + name + "' already exists.");
        }
    }

    public List<ServiceView> services(long organizationId) {
        return jdbc.sql("select * from service where organization_id = ? order by name")
                .param(organizationId)
                .query((rs, n) -> service(rs))
                .list();
    }

    public Optional<ServiceView> service(long serviceId) {
        return jdbc.sql("select * from service where id = ?")
                .param(serviceId)
                .query((rs, n) -> service(rs))
                .optional();
    }

    @Transactional
    public ServiceView addService(long organizationId, String name, List<String> components) {
        audit.stampCurrentActor();
        get(organizationId);
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("name", "is required");
        }
        try {
            long id = jdbc.sql("insert into service (organization_id, name, components) values (?, ?, ?) returning id")
                    .params(organizationId, name.trim(), domains(components == null ? List.of() : components))
                    .query(Long.class)
                    .single();
            return service(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("This organization already has a service named '" + name.trim() + "'.");
        }
    }

    private void checkReferences(OrganizationForm form) {
        if (form.planId() != null && plan(form.planId()).isEmpty()) {
            throw new InvalidRequestException("planId", "no plan with id " + form.planId());
        }
        if (form.accountManagerId() != null
                && jdbc.sql("select count(*) from agent where id = ?")
                                .param(form.accountManagerId())
                                .query(Integer.class)
                                .single()
                        == 0) {
            throw new InvalidRequestException("accountManagerId", "no agent with id " + form.accountManagerId());
        }
    }

    private static String[] domains(@Nullable List<String> values) {
        return values == null
                ? new String[0]
                : values.stream().map(String::toLowerCase).distinct().toArray(String[]::new);
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static OrganizationView organization(ResultSet rs, int n) throws SQLException {
        return new OrganizationView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getObject("plan_id", Long.class),
                strings(rs.getArray("domains")),
                rs.getBoolean("representatives_only"),
                rs.getObject("account_manager_id", Long.class),
                rs.getString("notes"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static PlanView plan(ResultSet rs) throws SQLException {
        return new PlanView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getInt("budget_hours"),
                rs.getString("budget_period"),
                rs.getBoolean("around_the_clock"));
    }

    private static ServiceView service(ResultSet rs) throws SQLException {
        return new ServiceView(
                rs.getLong("id"),
                rs.getLong("organization_id"),
                rs.getString("name"),
                strings(rs.getArray("components")));
    }
}

package org.firstline.triage.internal;

/**
 * Budget left this period for a set of organizations, as a SQL common table expression: billable time on non-incident
 * tickets since the start of each plan's period (month, quarter or year, in UTC), read from the time entries of the
 * period rather than from every ticket of the organization. Needs the parameter {@code :now}.
 */
public final class BudgetSql {
    private BudgetSql() {}

    /** A CTE named {@code budgets(organization_id, budget_hours, budget_used)} over the organization ids {@code organizations} selects. */
    public static String budgets(String organizations) {
        return """
                budgets as (
                    select o.id as organization_id, p.budget_hours,
                           coalesce((select sum(e.minutes) from time_entry e join ticket bt on bt.id = e.ticket_id
                                     where e.billable and e.worked_at >= date_trunc(lower(p.budget_period), :now at time zone 'UTC') at time zone 'UTC'
                                       and bt.organization_id = o.id and bt.type <> 'INCIDENT'), 0) as budget_used
                    from organization o join support_plan p on p.id = o.plan_id
                    where o.id in (%s))""".formatted(organizations);
    }
}

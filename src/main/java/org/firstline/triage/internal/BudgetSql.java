package org.firstline.triage.internal;

/**
 * Budget left this period for a set of organizations, as SQL common table expressions: billable time on non-incident
 * tickets since the start of each plan's period (month, quarter or year, in UTC). The time entries since the earliest
 * of those starts are read once and summed per organization, instead of once per organization. Needs {@code :now}.
 */
public final class BudgetSql {
    private BudgetSql() {}

    /** CTEs ending in {@code budgets(organization_id, budget_hours, budget_used)} over the organizations {@code organizations} selects. */
    public static String budgets(String organizations) {
        return """
                periods as (
                    select o.id as organization_id, p.budget_hours,
                           date_trunc(lower(p.budget_period), :now at time zone 'UTC') at time zone 'UTC' as since
                    from organization o join support_plan p on p.id = o.plan_id
                    where o.id in (%s)),
                budgets as (
                    select pr.organization_id, pr.budget_hours, coalesce(u.used, 0) as budget_used
                    from periods pr
                    left join (select bt.organization_id, sum(e.minutes) as used
                               from time_entry e
                               join ticket bt on bt.id = e.ticket_id
                               join periods pp on pp.organization_id = bt.organization_id
                               where e.billable and e.worked_at >= (select min(since) from periods) and e.worked_at >= pp.since
                                 and bt.type <> 'INCIDENT'
                               group by bt.organization_id) u on u.organization_id = pr.organization_id)""".formatted(organizations);
    }
}

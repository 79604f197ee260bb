package org.firstline.triage.internal;

/**
 * 2i2c's order for non-incident work as SQL over every open non-incident ticket with a team: each gets the number of
 * the first rule it meets (see {@link org.firstline.triage.WorkRule}), then the queue is sorted by rule, oldest first
 * within one, and cut to a page in the database. Needs {@code :now}, {@code :team} (or null), {@code :share} (0–1),
 * {@code :limit} and {@code :offset}; answers the page's tickets with {@code rule}, {@code total} and what the rules read.
 */
public final class WorkQueueOrder {
    private WorkQueueOrder() {}

    public static final String PAGE = """
            with candidates as (
                select t.id, t.organization_id, t.funded, t.impact, t.created_at from ticket t
                where t.status in ('NEW', 'OPEN') and t.type <> 'INCIDENT' and t.team_id is not null
                  and (cast(:team as bigint) is null or t.team_id = :team)),
            """ + BudgetSql.budgets("select organization_id from candidates") + """
            ,
            shared as (
                select mine.ticket_id, count(distinct lt.organization_id) as organizations
                from ticket_link mine
                join ticket_link other on other.kind = 'EXTERNAL_ISSUE' and other.url = mine.url
                join ticket lt on lt.id = other.ticket_id
                where mine.kind = 'EXTERNAL_ISSUE'
                group by mine.ticket_id
                having count(distinct lt.organization_id) >= 2),
            ranked as (
                select c.id, c.created_at, coalesce(s.organizations, 0) as organizations,
                       coalesce(f.aligned_with_goals, false) as goals, coalesce(f.aligned_with_upstream, false) as upstream,
                       b.budget_hours, b.budget_used,
                       case when c.funded then 1
                            when coalesce(s.organizations, 0) >= 2 then 2
                            when f.aligned_with_goals then 3
                            when f.aligned_with_upstream then 4
                            when b.budget_hours > 0 and b.budget_used < b.budget_hours * 60 * :share then 5
                            when c.impact in ('MAJOR', 'OUTAGE', 'DATA_LOSS') then 6
                            when b.budget_hours > 0 and b.budget_used < b.budget_hours * 60 then 7
                            else 8 end as rule
                from candidates c
                left join shared s on s.ticket_id = c.id
                left join ticket_priority_factors f on f.ticket_id = c.id
                left join budgets b on b.organization_id = c.organization_id),
            page as (
                select r.*, (select count(*) from candidates) as total from ranked r
                order by r.rule, r.created_at, r.id
                limit :limit offset :offset)
            select p.id, p.rule, p.total, p.organizations, p.goals, p.upstream, p.budget_hours, p.budget_used,
                   t.number, t.subject, t.priority, t.impact, impact_is_critical(t.impact) as critical, t.funded, t.created_at,
                   o.name as organization,
                   ow.display_name as owner, tm.name as team,
                   (select coalesce(sum(e.minutes), 0) from time_entry e where e.ticket_id = t.id)
                     + (select coalesce(sum(extract(epoch from (:now - r.started_at)) / 60), 0)::int from running_timer r
                        where r.ticket_id = t.id) as spent
            from page p
            join ticket t on t.id = p.id
            left join organization o on o.id = t.organization_id
            left join agent ow on ow.id = t.owner_id
            left join team tm on tm.id = t.team_id
            order by p.rule, p.created_at, p.id""";

    /** How many tickets the queue holds, for a page past its end. */
    public static final String COUNT = """
            select count(*) from ticket t
            where t.status in ('NEW', 'OPEN') and t.type <> 'INCIDENT' and t.team_id is not null
              and (cast(:team as bigint) is null or t.team_id = :team)""";
}

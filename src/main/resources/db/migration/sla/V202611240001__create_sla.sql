-- Service levels: when teams work (calendars), what each support plan promises (policies), and each ticket's clocks
-- against it, with the warnings and breaches the sweeper recorded.

create table business_calendar (
    id                  bigint generated always as identity primary key,
    name                text not null unique check (length(name) between 1 and 100),
    time_zone           text not null,
    around_the_clock    boolean not null default false,
    created_at          timestamptz not null
);

-- Working hours as minutes of the local day, [from, to); 1440 is the midnight that ends the day.
create table business_hours (
    calendar_id bigint not null references business_calendar (id) on delete cascade,
    weekday     smallint not null check (weekday between 1 and 7),
    from_minute integer not null check (from_minute between 0 and 1439),
    to_minute   integer not null check (to_minute between 1 and 1440),
    check (from_minute < to_minute),
    primary key (calendar_id, weekday, from_minute)
);

create table business_holiday (
    calendar_id bigint not null references business_calendar (id) on delete cascade,
    day         date not null,
    name        text not null default '',
    primary key (calendar_id, day)
);

-- One policy per support plan; the one without a plan applies to tickets whose organization has none.
create table sla_policy (
    id              bigint generated always as identity primary key,
    name            text not null unique check (length(name) between 1 and 100),
    plan_id         bigint unique references support_plan (id) on delete cascade,
    calendar_id     bigint not null references business_calendar (id),
    pause_reasons   text[] not null default '{CUSTOMER,REPRESENTATIVE_APPROVAL}',
    at_risk_percent integer not null default 80 check (at_risk_percent between 1 and 99),
    created_at      timestamptz not null
);
create unique index sla_policy_default on sla_policy ((plan_id is null)) where plan_id is null;

create table sla_policy_target (
    policy_id   bigint not null references sla_policy (id) on delete cascade,
    priority    text not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'CRITICAL')),
    target      text not null check (target in ('ACKNOWLEDGEMENT', 'FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION')),
    amount      integer not null check (amount between 1 and 1000000),
    unit        text not null check (unit in ('MINUTES', 'WORKING_DAYS')),
    calendar_id bigint references business_calendar (id),
    primary key (policy_id, priority, target)
);

-- A ticket's clock for one target; NEXT_RESPONSE runs in cycles, one per customer message awaiting an answer.
-- due_at is null while the clock is paused; next_fire_at is what the sweeper looks at (warning, then breach).
create table ticket_sla (
    id              bigint generated always as identity primary key,
    ticket_id       bigint not null references ticket (id) on delete cascade,
    target          text not null check (target in ('ACKNOWLEDGEMENT', 'FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION')),
    cycle           integer not null default 1,
    policy_id       bigint references sla_policy (id) on delete set null,
    calendar_id     bigint references business_calendar (id) on delete set null,
    amount          integer not null,
    unit            text not null check (unit in ('MINUTES', 'WORKING_DAYS')),
    started_at      timestamptz not null,
    due_at          timestamptz,
    warn_at         timestamptz,
    met_at          timestamptz,
    stopped_at      timestamptz,
    warned_at       timestamptz,
    breached_at     timestamptz,
    next_fire_at    timestamptz,
    unique (ticket_id, target, cycle)
);
create index ticket_sla_timer on ticket_sla (next_fire_at) where next_fire_at is not null;
create index ticket_sla_open_due on ticket_sla (due_at) where met_at is null and stopped_at is null;
create index ticket_sla_breached on ticket_sla (due_at) where breached_at is not null and met_at is null and stopped_at is null;
create index ticket_sla_started on ticket_sla (started_at);

create table ticket_sla_pause (
    id          bigint generated always as identity primary key,
    ticket_id   bigint not null references ticket (id) on delete cascade,
    reason      text not null,
    started_at  timestamptz not null,
    ended_at    timestamptz
);
create index ticket_sla_pause_ticket on ticket_sla_pause (ticket_id, started_at);
create unique index ticket_sla_pause_open on ticket_sla_pause (ticket_id) where ended_at is null;

-- Each warning and breach, once: the unique key is what makes two sweeping nodes fire it exactly once.
-- ticket_id is a copy for lookups, without a foreign key: checking one would take a share lock on the ticket row, and
-- a sweeper waiting for a ticket that is being changed (which waits for the clock the sweeper holds) would deadlock.
create table sla_event (
    id              bigint generated always as identity primary key,
    ticket_sla_id   bigint not null references ticket_sla (id) on delete cascade,
    ticket_id       bigint not null,
    kind            text not null check (kind in ('AT_RISK', 'BREACHED')),
    due_at          timestamptz not null,
    fire_at         timestamptz not null,
    recorded_at     timestamptz not null,
    recorded_by     text not null,
    notified_at     timestamptz,
    unique (ticket_sla_id, kind)
);
create index sla_event_ticket on sla_event (ticket_id);
create index sla_event_unnotified on sla_event (id) where notified_at is null;

-- The last public message either way, for "no public activity for N hours".
create table ticket_public_activity (
    ticket_id       bigint primary key references ticket (id) on delete cascade,
    last_public_at  timestamptz not null
);
create index ticket_public_activity_at on ticket_public_activity (last_public_at);

-- Out of the box: office hours and around the clock, and a default policy so every ticket has targets.
insert into business_calendar (name, time_zone, around_the_clock, created_at)
values ('Office hours', 'UTC', false, now()), ('Around the clock', 'UTC', true, now());
insert into business_hours (calendar_id, weekday, from_minute, to_minute)
select c.id, d, 540, 1020 from business_calendar c, generate_series(1, 5) d where c.name = 'Office hours';
insert into sla_policy (name, calendar_id, created_at)
select 'Standard', id, now() from business_calendar where name = 'Office hours';
insert into sla_policy_target (policy_id, priority, target, amount, unit)
select p.id, t.priority, t.target, t.amount, t.unit
from sla_policy p, (values
    ('CRITICAL', 'ACKNOWLEDGEMENT', 30, 'MINUTES'), ('CRITICAL', 'FIRST_RESPONSE', 60, 'MINUTES'),
    ('CRITICAL', 'NEXT_RESPONSE', 60, 'MINUTES'), ('CRITICAL', 'RESOLUTION', 480, 'MINUTES'),
    ('HIGH', 'ACKNOWLEDGEMENT', 60, 'MINUTES'), ('HIGH', 'FIRST_RESPONSE', 240, 'MINUTES'),
    ('HIGH', 'NEXT_RESPONSE', 240, 'MINUTES'), ('HIGH', 'RESOLUTION', 3, 'WORKING_DAYS'),
    ('NORMAL', 'ACKNOWLEDGEMENT', 1, 'WORKING_DAYS'), ('NORMAL', 'FIRST_RESPONSE', 1, 'WORKING_DAYS'),
    ('NORMAL', 'NEXT_RESPONSE', 1, 'WORKING_DAYS'), ('NORMAL', 'RESOLUTION', 10, 'WORKING_DAYS'),
    ('LOW', 'ACKNOWLEDGEMENT', 1, 'WORKING_DAYS'), ('LOW', 'FIRST_RESPONSE', 3, 'WORKING_DAYS'),
    ('LOW', 'NEXT_RESPONSE', 3, 'WORKING_DAYS'), ('LOW', 'RESOLUTION', 20, 'WORKING_DAYS')
) as t (priority, target, amount, unit)
where p.name = 'Standard';

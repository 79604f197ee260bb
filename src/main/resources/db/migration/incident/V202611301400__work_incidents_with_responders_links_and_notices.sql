-- Working an incident: where it came from, who leads it, what it affects, which tickets it gathers, and each notice
-- of a public update to one address, once. Severity levels say what each level means and how often customers hear.
create table incident_severity (
    level                   integer primary key check (level between 1 and 9),
    name                    text not null check (length(name) between 1 and 40),
    factors                 text not null check (length(factors) <= 4000),
    update_interval_minutes integer not null check (update_interval_minutes between 5 and 10080),
    updated_at              timestamptz not null default now()
);
insert into incident_severity (level, name, factors, update_interval_minutes) values
(1, 'SEV1', 'Critical: the service is down or unusable for most customers, data is at risk or lost, or a security breach is suspected. No workaround.', 30),
(2, 'SEV2', 'Major: a core feature is broken or badly degraded for many customers, or one customer is fully down. A workaround is hard or missing.', 60),
(3, 'SEV3', 'Minor: a feature is degraded or broken for some customers and a workaround exists.', 120),
(4, 'SEV4', 'Low: a cosmetic or small problem with little effect on customers.', 240);

alter table incident
    add column source text not null default 'MANUAL' check (source in ('MANUAL', 'TICKET', 'ALERT', 'SURGE')),
    add column alert_key text check (length(alert_key) <= 200),
    add column technical_lead_id bigint references agent (id),
    add column communications_lead_id bigint references agent (id),
    add column declared_by bigint references agent (id),
    add column next_update_due_at timestamptz;
-- a repeated alert joins the open incident it declared
create unique index incident_open_alert_key on incident (alert_key) where resolved_at is null and alert_key is not null;
create index incident_update_due on incident (next_update_due_at) where resolved_at is null;

create table incident_responder (
    incident_id bigint not null references incident (id) on delete cascade,
    agent_id    bigint not null references agent (id),
    primary key (incident_id, agent_id)
);

create table incident_organization (
    incident_id     bigint not null references incident (id) on delete cascade,
    organization_id bigint not null references organization (id),
    primary key (incident_id, organization_id)
);

create table incident_service (
    incident_id bigint not null references incident (id) on delete cascade,
    service_id  bigint not null references service (id),
    primary key (incident_id, service_id)
);

create table incident_ticket (
    incident_id bigint not null references incident (id) on delete cascade,
    ticket_id   bigint not null references ticket (id),
    linked_at   timestamptz not null,
    primary key (incident_id, ticket_id)
);
create index incident_ticket_ticket on incident_ticket (ticket_id);

-- One row per address per public update, written in the update's transaction; queued_at is set in the transaction
-- that puts the mail in the outbox, so a node that stops halfway leaves the rest for the next one, and none twice.
create table incident_notice (
    id              bigint generated always as identity primary key,
    update_id       bigint not null references incident_update (id) on delete cascade,
    address         text not null,
    ticket_id       bigint references ticket (id),
    unsubscribe_url text,
    queued_at       timestamptz
);
create unique index incident_notice_once on incident_notice (update_id, lower(address));
create index incident_notice_waiting on incident_notice (id) where queued_at is null;

-- The communications lead is reminded once per due time.
create table incident_reminder (
    incident_id bigint not null references incident (id) on delete cascade,
    due_at      timestamptz not null,
    lead_id     bigint references agent (id),
    reminded_at timestamptz not null,
    primary key (incident_id, due_at)
);

-- When similar new tickets from several organizations suggest an incident.
create table incident_settings (
    id                  boolean primary key default true check (id),
    surge_tickets       integer not null default 5 check (surge_tickets between 2 and 1000),
    surge_organizations integer not null default 3 check (surge_organizations between 1 and 1000),
    surge_minutes       integer not null default 30 check (surge_minutes between 1 and 1440),
    updated_at          timestamptz not null default now()
);
insert into incident_settings (id) values (true);

-- A3 retrospective: one per incident, with actions followed to closure.
create table incident_retrospective (
    incident_id     bigint primary key references incident (id) on delete cascade,
    background      text not null default '' check (length(background) <= 20000),
    current_state   text not null default '' check (length(current_state) <= 20000),
    goal            text not null default '' check (length(goal) <= 20000),
    root_cause      text not null default '' check (length(root_cause) <= 20000),
    countermeasures text not null default '' check (length(countermeasures) <= 20000),
    plan            text not null default '' check (length(plan) <= 20000),
    follow_up       text not null default '' check (length(follow_up) <= 20000),
    updated_at      timestamptz not null
);

create table incident_action (
    id          bigint generated always as identity primary key,
    incident_id bigint not null references incident (id) on delete cascade,
    title       text not null check (length(title) between 1 and 200),
    owner_id    bigint references agent (id),
    due_on      date,
    issue_url   text check (length(issue_url) <= 2000),
    done_at     timestamptz,
    created_at  timestamptz not null
);
create index incident_action_incident on incident_action (incident_id, id);

-- Alerts in: the monitoring systems that send them (each with its own token), the alerts themselves (one open alert
-- per source and dedup key), the parts Alertmanager groups into one alert, the label-to-severity mapping, maintenance
-- windows, and the record of raised and resolved alerts the escalation engine reads (nothing lost if a node dies
-- between commit and listener).

create table alert_source (
    id                          bigint generated always as identity primary key,
    name                        text not null check (length(name) between 1 and 100),
    kind                        text not null check (kind in ('ALERTMANAGER', 'GENERIC', 'HEARTBEAT')),
    token_hash                  text not null unique,
    team_id                     bigint not null references team (id),
    service_id                  bigint references service (id) on delete set null,
    organization_id             bigint references organization (id) on delete set null,
    -- the first-line hours of this source's alerts; none: the default SLA policy's calendar
    calendar_id                 bigint references business_calendar (id) on delete set null,
    -- service → escalation policy: the escalation engine points this at its policies
    escalation_policy_id        bigint,
    heartbeat_interval_seconds  integer check (heartbeat_interval_seconds between 10 and 2678400),
    last_ping_at                timestamptz,
    heartbeat_due_at            timestamptz,
    deleted_at                  timestamptz,
    created_at                  timestamptz not null,
    check ((kind = 'HEARTBEAT') = (heartbeat_interval_seconds is not null))
);
create unique index alert_source_name on alert_source (lower(name)) where deleted_at is null;
create index alert_source_heartbeat_due on alert_source (heartbeat_due_at) where heartbeat_due_at is not null;

create table alert (
    id                  bigint generated always as identity primary key,
    source_id           bigint not null references alert_source (id),
    dedup_key           text not null check (length(dedup_key) between 1 and 1000),
    status              text not null check (status in ('FIRING', 'RESOLVED')),
    severity            text not null check (severity in ('CRITICAL', 'HIGH', 'LOW', 'INFO')),
    summary             text not null,
    details             text not null default '',
    labels              jsonb not null default '{}',
    annotations         jsonb not null default '{}',
    runbook_url         text,
    generator_url       text,
    external_url        text,
    team_id             bigint not null,
    service_id          bigint references service (id) on delete set null,
    organization_id     bigint,
    suppressed          boolean not null default false,
    in_hours            boolean not null,
    receipts            integer not null default 1,
    opened_at           timestamptz not null,
    last_received_at    timestamptz not null,
    resolved_at         timestamptz,
    ticket_id           bigint references ticket (id) on delete set null,
    ticket_number       bigint
);
-- GoAlert's rule: a dedup key is unique while its alert is open; after resolution the same key opens a new alert
create unique index alert_open_key on alert (source_id, dedup_key) where status <> 'RESOLVED';
create index alert_newest on alert (opened_at desc, id desc);
create index alert_open_newest on alert (opened_at desc, id desc) where status <> 'RESOLVED';
create index alert_key_history on alert (source_id, dedup_key, opened_at);

-- An Alertmanager group's alerts, by fingerprint; the group resolves when none of them fires.
create table alert_part (
    alert_id        bigint not null references alert (id) on delete cascade,
    fingerprint     text not null,
    status          text not null check (status in ('FIRING', 'RESOLVED')),
    labels          jsonb not null default '{}',
    annotations     jsonb not null default '{}',
    starts_at       timestamptz,
    ends_at         timestamptz,
    generator_url   text,
    updated_at      timestamptz not null,
    primary key (alert_id, fingerprint)
);

-- The value of a `severity` label (lower case) to the desk's severity; '*' is for alerts with none or an unknown one.
create table alert_severity_mapping (
    label_value text primary key check (label_value = lower(label_value) and length(label_value) between 1 and 100),
    severity    text not null check (severity in ('CRITICAL', 'HIGH', 'LOW', 'INFO'))
);
insert into alert_severity_mapping (label_value, severity) values
    ('critical', 'CRITICAL'), ('page', 'HIGH'), ('error', 'HIGH'), ('high', 'HIGH'),
    ('warning', 'LOW'), ('warn', 'LOW'), ('low', 'LOW'), ('info', 'INFO'), ('none', 'INFO'), ('*', 'HIGH');

create table maintenance_window (
    id          bigint generated always as identity primary key,
    source_id   bigint references alert_source (id) on delete cascade,
    service_id  bigint references service (id) on delete cascade,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    reason      text not null default '' check (length(reason) <= 500),
    created_at  timestamptz not null,
    check (source_id is not null or service_id is not null),
    check (starts_at < ends_at)
);
create index maintenance_window_source on maintenance_window (source_id, ends_at);
create index maintenance_window_service on maintenance_window (service_id, ends_at);

-- Written in the transaction that opened or resolved the alert; the escalation engine marks what it has handled.
create table alert_event (
    id          bigint generated always as identity primary key,
    alert_id    bigint not null references alert (id) on delete cascade,
    kind        text not null check (kind in ('RAISED', 'RESOLVED')),
    at          timestamptz not null,
    handled_at  timestamptz
);
create index alert_event_unhandled on alert_event (id) where handled_at is null;

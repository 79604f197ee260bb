-- What the public status page shows: the page's own name, components with their status, incidents with their
-- timeline of updates and scheduled maintenance. Only text an agent wrote for the public goes into these columns.
create table status_page (
    id boolean primary key default true check (id),
    name text not null default 'Firstline' check (length(name) between 1 and 200),
    updated_at timestamptz not null default now()
);
insert into status_page (id) values (true);

create table status_component (
    id bigint generated always as identity primary key,
    name text not null check (length(name) between 1 and 200),
    description text check (length(description) <= 2000),
    group_name text check (length(group_name) <= 200),
    position integer not null default 0,
    status text not null default 'OPERATIONAL'
        check (status in ('OPERATIONAL', 'DEGRADED_PERFORMANCE', 'PARTIAL_OUTAGE', 'MAJOR_OUTAGE', 'UNDER_MAINTENANCE')),
    updated_at timestamptz not null,
    archived_at timestamptz
);
create unique index status_component_name_key on status_component (lower(name)) where archived_at is null;

create table incident (
    id bigint generated always as identity primary key,
    title text not null check (length(title) between 1 and 200),
    status text not null check (status in ('INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED')),
    impact text not null default 'MINOR' check (impact in ('NONE', 'MINOR', 'MAJOR', 'CRITICAL')),
    severity integer not null default 3 check (severity between 1 and 9),
    public boolean not null default true,
    declared_at timestamptz not null,
    updated_at timestamptz not null,
    resolved_at timestamptz,
    check ((status = 'RESOLVED') = (resolved_at is not null))
);
create index incident_open_idx on incident (declared_at desc) where resolved_at is null;
create index incident_resolved_idx on incident (resolved_at desc) where resolved_at is not null;

create table incident_update (
    id bigint generated always as identity primary key,
    incident_id bigint not null references incident (id) on delete cascade,
    status text not null check (status in ('INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED')),
    body text not null check (length(body) between 1 and 20000),
    public boolean not null,
    posted_at timestamptz not null,
    posted_by bigint
);
create index incident_update_incident_idx on incident_update (incident_id, posted_at);

create table incident_component (
    incident_id bigint not null references incident (id) on delete cascade,
    component_id bigint not null references status_component (id),
    primary key (incident_id, component_id)
);

create table scheduled_maintenance (
    id bigint generated always as identity primary key,
    title text not null check (length(title) between 1 and 200),
    body text not null default '' check (length(body) <= 20000),
    scheduled_for timestamptz not null,
    scheduled_until timestamptz not null,
    cancelled_at timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check (scheduled_until > scheduled_for)
);
create index scheduled_maintenance_until_idx on scheduled_maintenance (scheduled_until desc);

create table maintenance_component (
    maintenance_id bigint not null references scheduled_maintenance (id) on delete cascade,
    component_id bigint not null references status_component (id),
    primary key (maintenance_id, component_id)
);

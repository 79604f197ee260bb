-- The ticket aggregate: tickets, their conversation, attachments, links, time and labels.
create table label (
    id      bigint generated always as identity primary key,
    name    text not null unique,
    color   text not null default '#6b7280' check (color ~ '^#[0-9a-fA-F]{6}$')
);

create sequence ticket_number_seq start 1000;

create table ticket (
    id                  bigint generated always as identity primary key,
    number              bigint not null unique default nextval('ticket_number_seq'),
    subject             text not null,
    requester_id        bigint not null references contact (id),
    organization_id     bigint references organization (id),
    service_id          bigint references service (id),
    channel             text not null check (channel in ('EMAIL', 'WEB', 'API', 'ALERT', 'PHONE', 'INTERNAL')),
    type                text not null check (type in ('INCIDENT', 'BUG', 'CHANGE_REQUEST', 'GUIDANCE_REQUEST',
                            'FEATURE_REQUEST', 'DOCUMENTATION', 'WORKSHOP_REQUEST', 'QUESTION')),
    priority            text not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'CRITICAL')),
    impact              text not null check (impact in ('NONE', 'MINOR', 'DEGRADED', 'MAJOR', 'OUTAGE', 'DATA_LOSS')),
    status              text not null check (status in ('NEW', 'OPEN', 'PENDING', 'RESOLVED', 'CLOSED')),
    pending_reason      text check (pending_reason in ('CUSTOMER', 'ENGINEERING', 'REPRESENTATIVE_APPROVAL',
                            'CHANGE_APPROVAL', 'ACCOUNT_MANAGER', 'SCHEDULED')),
    team_id             bigint references team (id),
    owner_id            bigint references agent (id),
    funded              boolean not null default false,
    funding_reference   text,
    resolution          text check (resolution in ('CODE_FIX', 'UI_CHANGE', 'DOCUMENTATION', 'WORKAROUND',
                            'CUSTOMER_SIDE', 'SELF_SERVICE', 'OUT_OF_SCOPE', 'NOT_FIXED_IN_TIMEBOX', 'DUPLICATE')),
    resolution_link     text,
    resolution_outcome  text check (resolution_outcome in ('AWAITING_CONFIRMATION', 'CONFIRMED', 'REJECTED', 'CLOSED_DIRECTLY')),
    internal            boolean not null default false,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    resolved_at         timestamptz,
    closed_at           timestamptz,
    search              tsvector generated always as (to_tsvector('english', subject)) stored,
    check ((status = 'PENDING') = (pending_reason is not null))
);
create index ticket_created on ticket (created_at desc, id desc);
create index ticket_open_created on ticket (created_at desc, id desc) where status in ('NEW', 'OPEN', 'PENDING');
create index ticket_team on ticket (team_id, status);
create index ticket_owner on ticket (owner_id, status);
create index ticket_organization on ticket (organization_id, created_at desc);
create index ticket_requester on ticket (requester_id);
create index ticket_untriaged on ticket (created_at) where team_id is null and status in ('NEW', 'OPEN');
create index ticket_search on ticket using gin (search);

create table ticket_label (
    ticket_id   bigint not null references ticket (id) on delete cascade,
    label_id    bigint not null references label (id),
    primary key (ticket_id, label_id)
);
create index ticket_label_label on ticket_label (label_id);

create table ticket_watcher (
    ticket_id   bigint not null references ticket (id) on delete cascade,
    email       text not null,
    primary key (ticket_id, email)
);

create table message (
    id                  bigint generated always as identity primary key,
    ticket_id           bigint not null references ticket (id),
    kind                text not null check (kind in ('PUBLIC', 'NOTE')),
    author_agent_id     bigint references agent (id),
    author_contact_id   bigint references contact (id),
    body                text not null,
    created_at          timestamptz not null,
    search              tsvector generated always as (to_tsvector('english', left(body, 100000))) stored,
    check ((author_agent_id is null) <> (author_contact_id is null))
);
create index message_ticket on message (ticket_id, created_at);
create index message_search on message using gin (search);

create table attachment (
    id              bigint generated always as identity primary key,
    ticket_id       bigint not null references ticket (id),
    message_id      bigint references message (id),
    filename        text not null,
    content_type    text not null,
    size_bytes      bigint not null,
    sha256          text not null,
    content         bytea not null,
    created_at      timestamptz not null
);
create index attachment_ticket on attachment (ticket_id);
create index attachment_message on attachment (message_id);

create table ticket_link (
    id                  bigint generated always as identity primary key,
    ticket_id           bigint not null references ticket (id),
    kind                text not null check (kind in ('RELATED', 'DUPLICATE_OF', 'EXTERNAL_ISSUE')),
    target_ticket_id    bigint references ticket (id),
    url                 text,
    created_at          timestamptz not null,
    check ((kind = 'EXTERNAL_ISSUE') = (url is not null and target_ticket_id is null)),
    check (target_ticket_id is null or target_ticket_id <> ticket_id)
);
create index ticket_link_ticket on ticket_link (ticket_id);
create index ticket_link_target on ticket_link (target_ticket_id);
create index ticket_link_url on ticket_link (url) where url is not null;
create unique index ticket_link_unique on ticket_link (ticket_id, kind, coalesce(target_ticket_id, 0), coalesce(url, ''));

create table time_entry (
    id          bigint generated always as identity primary key,
    ticket_id   bigint not null references ticket (id),
    agent_id    bigint not null references agent (id),
    minutes     integer not null check (minutes > 0 and minutes <= 1440),
    billable    boolean not null,
    note        text not null default '',
    worked_at   timestamptz not null,
    created_at  timestamptz not null
);
create index time_entry_ticket on time_entry (ticket_id);
create index time_entry_agent on time_entry (agent_id, worked_at);

create table running_timer (
    agent_id    bigint not null references agent (id),
    ticket_id   bigint not null references ticket (id),
    started_at  timestamptz not null,
    primary key (agent_id, ticket_id)
);

create table canned_response (
    id          bigint generated always as identity primary key,
    name        text not null unique,
    body        text not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create table ticket_idempotency (
    agent_id        bigint not null references agent (id),
    idempotency_key text not null,
    ticket_id       bigint not null references ticket (id),
    created_at      timestamptz not null,
    primary key (agent_id, idempotency_key)
);

create table saved_view (
    id          bigint generated always as identity primary key,
    name        text not null,
    owner_id    bigint references agent (id),
    query       text not null,
    position    integer not null default 100,
    created_at  timestamptz not null
);

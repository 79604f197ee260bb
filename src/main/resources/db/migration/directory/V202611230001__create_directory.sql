-- Who Firstline serves and who works in it: plans, organizations, contacts, agents, teams.
create table support_plan (
    id              bigint generated always as identity primary key,
    name            text not null unique,
    description     text not null default '',
    budget_hours    integer not null default 0 check (budget_hours >= 0),
    budget_period   text not null default 'MONTH' check (budget_period in ('MONTH', 'QUARTER', 'YEAR')),
    around_the_clock boolean not null default false,
    created_at      timestamptz not null
);

create table agent (
    id              bigint generated always as identity primary key,
    username        text not null unique check (username ~ '^[a-z0-9._-]{2,40}$'),
    display_name    text not null,
    email           text not null,
    password_hash   text not null,
    role            text not null check (role in ('ADMIN', 'AGENT', 'ACCOUNT_MANAGER', 'READ_ONLY')),
    time_zone       text not null default 'UTC',
    signature       text not null default '',
    capacity_hours  integer not null default 30,
    active          boolean not null default true,
    created_at      timestamptz not null
);

create table organization (
    id                      bigint generated always as identity primary key,
    name                    text not null unique,
    plan_id                 bigint references support_plan (id),
    domains                 text[] not null default '{}',
    representatives_only    boolean not null default false,
    account_manager_id      bigint references agent (id),
    notes                   text not null default '',
    created_at              timestamptz not null
);

create table service (
    id              bigint generated always as identity primary key,
    organization_id bigint not null references organization (id),
    name            text not null,
    components      text[] not null default '{}',
    unique (organization_id, name)
);

create table contact (
    id          bigint generated always as identity primary key,
    name        text not null,
    created_at  timestamptz not null
);

create table contact_email (
    email       text primary key check (email = lower(email)),
    contact_id  bigint not null references contact (id) on delete cascade
);
create index contact_email_contact on contact_email (contact_id);

create table contact_organization (
    contact_id      bigint not null references contact (id) on delete cascade,
    organization_id bigint not null references organization (id),
    representative  boolean not null default false,
    primary key (contact_id, organization_id)
);
create index contact_organization_org on contact_organization (organization_id);

create table team (
    id          bigint generated always as identity primary key,
    name        text not null unique,
    description text not null default '',
    created_at  timestamptz not null
);

create table team_member (
    team_id     bigint not null references team (id) on delete cascade,
    agent_id    bigint not null references agent (id),
    primary key (team_id, agent_id)
);
create index team_member_agent on team_member (agent_id);

create table skill (
    id      bigint generated always as identity primary key,
    name    text not null unique
);

create table agent_skill (
    agent_id    bigint not null references agent (id) on delete cascade,
    skill_id    bigint not null references skill (id) on delete cascade,
    primary key (agent_id, skill_id)
);

create table api_token (
    id          bigint generated always as identity primary key,
    name        text not null,
    token_hash  text not null unique,
    agent_id    bigint not null references agent (id),
    created_at  timestamptz not null,
    last_used_at timestamptz,
    revoked_at  timestamptz
);

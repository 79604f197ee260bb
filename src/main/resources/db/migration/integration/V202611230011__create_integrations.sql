-- Telling others about tickets: team channels (Slack, Trello), signed webhooks, and issues in engineering's trackers.
-- Every outgoing call is a delivery row written in the transaction of the change it reports, sent with retries.

-- Settings of the outside services; secrets are encrypted with Firstline's key, never stored in the clear.
create table integration_settings (
    id                          integer primary key default 1 check (id = 1),
    slack_support_webhook       text,
    trello_base_url             text not null default 'https://api.trello.com',
    trello_key                  text,
    trello_token                text,
    github_base_url             text not null default 'https://api.github.com',
    github_repository           text,
    github_token                text,
    github_webhook_secret       text,
    github_planning_repository  text,
    shortcut_base_url           text not null default 'https://api.app.shortcut.com',
    shortcut_token              text,
    shortcut_workflow_state_id  bigint,
    sprint_days                 integer not null default 14 check (sprint_days between 1 and 90),
    updated_at                  timestamptz
);
insert into integration_settings (id) values (1);

-- Per team, opt-in: its Slack channel (incoming webhook) and its Trello list.
create table team_channel (
    team_id             bigint primary key references team (id) on delete cascade,
    slack_webhook       text,
    trello_list_id      text check (trello_list_id is null or trello_list_id ~ '^[A-Za-z0-9]{1,64}$'),
    updated_at          timestamptz not null
);

create table webhook_subscription (
    id                      bigint generated always as identity primary key,
    name                    text not null check (length(name) between 1 and 100),
    url                     text not null,
    secret                  text not null,
    events                  text[] not null,
    active                  boolean not null default true,
    consecutive_failures    integer not null default 0,
    disabled_reason         text,
    created_at              timestamptz not null
);

create table delivery (
    id                  bigint generated always as identity primary key,
    ticket_id           bigint references ticket (id) on delete cascade,
    channel             text not null check (channel in ('SLACK', 'TRELLO', 'WEBHOOK')),
    subscription_id     bigint references webhook_subscription (id) on delete cascade,
    team_id             bigint references team (id) on delete set null,
    event               text not null,
    payload             text not null,
    status              text not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'GIVEN_UP')),
    attempts            integer not null default 0,
    next_attempt_at     timestamptz not null,
    leased_until        timestamptz,
    last_error          text,
    last_status         integer,
    created_at          timestamptz not null,
    delivered_at        timestamptz
);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_ticket on delivery (ticket_id, created_at);

-- Issues opened in engineering's trackers from a ticket: escalations and planned work (workshops).
create table engineering_issue (
    id                  bigint generated always as identity primary key,
    ticket_id           bigint not null references ticket (id) on delete cascade,
    tracker             text not null check (tracker in ('GITHUB', 'SHORTCUT')),
    purpose             text not null check (purpose in ('ESCALATION', 'PLANNING')),
    external_id         text not null,
    url                 text not null,
    state               text not null default 'OPEN' check (state in ('OPEN', 'CLOSED')),
    impact              text not null,
    taken_at            timestamptz,
    sprint_ends_at      timestamptz,
    overdue_noted_at    timestamptz,
    exception_reason    text,
    checked_at          timestamptz,
    created_by          bigint references agent (id),
    created_at          timestamptz not null,
    closed_at           timestamptz,
    unique (tracker, external_id)
);
create index engineering_issue_open on engineering_issue (checked_at nulls first) where state = 'OPEN';
create index engineering_issue_sprint on engineering_issue (sprint_ends_at) where state = 'OPEN' and overdue_noted_at is null
    and exception_reason is null;

-- Work outside the plan's scope, handed to the organization's account manager as a lead.
create table chargeable_lead (
    id                  bigint generated always as identity primary key,
    ticket_id           bigint not null references ticket (id) on delete cascade,
    organization_id     bigint references organization (id),
    account_manager_id  bigint references agent (id),
    estimate_hours      numeric(6, 1) not null check (estimate_hours > 0 and estimate_hours <= 10000),
    reason              text not null check (length(reason) between 1 and 2000),
    status              text not null default 'NEW' check (status in ('NEW', 'QUOTED', 'WON', 'LOST')),
    created_by          bigint not null references agent (id),
    created_at          timestamptz not null
);
create index chargeable_lead_manager on chargeable_lead (account_manager_id, status);

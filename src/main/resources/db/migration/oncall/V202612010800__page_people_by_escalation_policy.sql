-- Escalation policies page people step by step until somebody acknowledges (learned from GoAlert: the database is the
-- only coordinator; a page row is unique per escalation, loop, step, person or channel, and contact method, so however
-- many nodes run the engine a person gets each page once).
create table escalation_policy (
    id              bigint generated always as identity primary key,
    name            text not null unique,
    description     text not null default '',
    team_id         bigint references team (id),
    -- "in hours" for this policy; out of them only high severity pages. Null: the default service level calendar.
    calendar_id     bigint references business_calendar (id),
    repeat_count    integer not null default 0 check (repeat_count between 0 and 10),
    created_at      timestamptz not null
);

create table escalation_step (
    id              bigint generated always as identity primary key,
    policy_id       bigint not null references escalation_policy (id) on delete cascade,
    position        integer not null check (position >= 0),
    delay_minutes   integer not null default 5 check (delay_minutes between 1 and 1440),
    unique (policy_id, position)
);

create table escalation_target (
    id              bigint generated always as identity primary key,
    step_id         bigint not null references escalation_step (id) on delete cascade,
    kind            text not null check (kind in ('ROTA', 'AGENT', 'TEAM_CHANNEL')),
    rotation_id     bigint,
    agent_id        bigint references agent (id),
    team_id         bigint references team (id),
    check ((kind = 'ROTA') = (rotation_id is not null)),
    check ((kind = 'AGENT') = (agent_id is not null)),
    check ((kind = 'TEAM_CHANNEL') = (team_id is not null))
);
create index escalation_target_step on escalation_target (step_id);

-- How each person wants to be reached, and after how many minutes of a page (webhook at 0, email at 2).
create table contact_method (
    id              bigint generated always as identity primary key,
    agent_id        bigint not null references agent (id) on delete cascade,
    kind            text not null check (kind in ('EMAIL', 'WEBHOOK')),
    email           text,
    -- sealed like other webhook addresses: the token is usually in the path
    url             text,
    delay_minutes   integer not null default 0 check (delay_minutes between 0 and 60),
    created_at      timestamptz not null,
    check ((kind = 'EMAIL') = (email is not null) and (kind = 'WEBHOOK') = (url is not null))
);
create index contact_method_agent on contact_method (agent_id);

create table escalation (
    id                  bigint generated always as identity primary key,
    subject_kind        text not null check (subject_kind in ('ALERT', 'TICKET')),
    subject_id          bigint not null,
    policy_id           bigint not null references escalation_policy (id),
    summary             text not null,
    high                boolean not null,
    status              text not null check (status in ('WAITING', 'ACTIVE', 'ACKNOWLEDGED', 'RESOLVED', 'HANDED_OVER')),
    step_position       integer not null default 0,
    loop                integer not null default 0,
    step_started_at     timestamptz,
    next_step_at        timestamptz,
    wait_until          timestamptz,
    acknowledged_by     bigint references agent (id),
    acknowledged_at     timestamptz,
    resolved_by         bigint references agent (id),
    resolved_at         timestamptz,
    -- why it is not paging when it should seem to (every step empty, nobody on first line), in words
    note                text,
    created_at          timestamptz not null
);
-- one open escalation per alert or ticket: a second start while it is open is the same one
create unique index escalation_open_subject on escalation (subject_kind, subject_id)
    where status in ('WAITING', 'ACTIVE', 'ACKNOWLEDGED');
create index escalation_due on escalation (next_step_at) where status = 'ACTIVE';
create index escalation_waiting on escalation (wait_until) where status = 'WAITING';
create index escalation_recent on escalation (created_at desc);

create table page (
    id                  bigint generated always as identity primary key,
    escalation_id       bigint not null references escalation (id),
    loop                integer not null,
    -- -1: a responder added by hand
    step_position       integer not null,
    agent_id            bigint references agent (id),
    team_id             bigint references team (id),
    contact_method_id   bigint references contact_method (id) on delete set null,
    method              text not null check (method in ('EMAIL', 'WEBHOOK', 'SLACK')),
    due_at              timestamptz not null,
    status              text not null check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts            integer not null default 0,
    lease_until         timestamptz,
    sent_at             timestamptz,
    error               text,
    token_hash          text unique,
    out_of_hours        boolean not null,
    created_at          timestamptz not null
);
create unique index page_once on page (escalation_id, loop, step_position, coalesce(agent_id, -1),
    coalesce(team_id, -1), method, coalesce(contact_method_id, -1));
create index page_due on page (due_at) where status in ('PENDING', 'SENDING');
create index page_escalation on page (escalation_id, id);
create index page_agent on page (agent_id, sent_at) where status = 'SENT';

create trigger escalation_policy_audit after insert or update or delete on escalation_policy
    for each row execute function audit_row();
create trigger escalation_step_audit after insert or update or delete on escalation_step
    for each row execute function audit_row();
create trigger escalation_target_audit after insert or update or delete on escalation_target
    for each row execute function audit_row();
create trigger contact_method_audit after insert or update or delete on contact_method
    for each row execute function audit_row();

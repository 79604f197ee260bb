-- The triage desk: who owns which support areas, what Firstline suggests for each ticket, who has a row claimed or open,
-- triage sessions and stand-ups, and the factors behind a ticket's priority.

-- The ownership map: a team's support areas as keywords, phrases and patterns with weights.
create table ownership_rule (
    id          bigint generated always as identity primary key,
    team_id     bigint not null references team (id) on delete cascade,
    kind        text not null check (kind in ('KEYWORD', 'PHRASE', 'PATTERN')),
    term        text not null check (length(term) between 1 and 200),
    weight      integer not null default 1 check (weight between 1 and 100),
    created_at  timestamptz not null
);
create unique index ownership_rule_unique on ownership_rule (team_id, kind, lower(term));

-- Per team: who is on first line now (until rotas take over), the last stand-up, and where it wants to be told.
create table team_desk (
    team_id             bigint primary key references team (id) on delete cascade,
    on_duty_agent_id    bigint references agent (id),
    last_standup_at     timestamptz
);

-- When a ticket reached its current team: team queues mark what is new since the last stand-up.
create table ticket_routing (
    ticket_id   bigint primary key references ticket (id) on delete cascade,
    team_id     bigint not null references team (id),
    routed_at   timestamptz not null,
    routed_by   text not null
);
create index ticket_routing_team on ticket_routing (team_id, routed_at);

-- What Firstline suggests for a ticket, kept so the desk can show fifty rows without computing fifty suggestions.
create table ticket_suggestion (
    ticket_id           bigint primary key references ticket (id) on delete cascade,
    team_id             bigint references team (id) on delete set null,
    team_score          real not null default 0,
    matched_words       text[] not null default '{}',
    assignee_id         bigint references agent (id) on delete set null,
    assignee_reason     text not null default '',
    priority            text check (priority in ('LOW', 'NORMAL', 'HIGH', 'CRITICAL')),
    similar_ids         bigint[] not null default '{}',
    computed_at         timestamptz not null
);

-- A triager acting on a row holds it; nobody else can assign it meanwhile.
create table ticket_claim (
    ticket_id   bigint primary key references ticket (id) on delete cascade,
    agent_id    bigint not null references agent (id),
    claimed_at  timestamptz not null
);

-- Who has a ticket open (on the desk or its page) and whether they are writing a reply; rows expire by seen_at.
create table ticket_presence (
    ticket_id   bigint not null references ticket (id) on delete cascade,
    agent_id    bigint not null references agent (id),
    activity    text not null check (activity in ('VIEWING', 'REPLYING')),
    seen_at     timestamptz not null,
    primary key (ticket_id, agent_id)
);
create index ticket_presence_seen on ticket_presence (seen_at);

create table triage_session (
    id                  bigint generated always as identity primary key,
    started_by          bigint not null references agent (id),
    started_at          timestamptz not null,
    ended_at            timestamptz,
    backlog_since       timestamptz,
    backlog_at_start    integer not null
);
create unique index triage_session_running on triage_session ((true)) where ended_at is null;

create table triage_session_agent (
    session_id  bigint not null references triage_session (id) on delete cascade,
    agent_id    bigint not null references agent (id),
    joined_at   timestamptz not null,
    primary key (session_id, agent_id)
);

create table triage_session_ticket (
    session_id  bigint not null references triage_session (id) on delete cascade,
    ticket_id   bigint not null references ticket (id) on delete cascade,
    agent_id    bigint not null references agent (id),
    handled_at  timestamptz not null,
    primary key (session_id, ticket_id)
);

-- The factors a ticket's priority is computed from; the ticket's impact and plan come from the ticket itself.
create table ticket_priority_factors (
    ticket_id               bigint primary key references ticket (id) on delete cascade,
    workaround              text not null default 'UNKNOWN' check (workaround in ('UNKNOWN', 'YES', 'NO')),
    blocks_priority_work    boolean not null default false,
    aligned_with_goals      boolean not null default false,
    aligned_with_upstream   boolean not null default false,
    issue_reactions         integer not null default 0 check (issue_reactions >= 0),
    priority_checked_at     timestamptz,
    updated_at              timestamptz not null
);

-- Reminders that come due: confirm a workaround worked. A sweeper claims what is due, once.
create table triage_follow_up (
    id          bigint generated always as identity primary key,
    ticket_id   bigint not null references ticket (id) on delete cascade,
    kind        text not null check (kind in ('CONFIRM_WORKAROUND')),
    due_at      timestamptz not null,
    done_at     timestamptz,
    unique (ticket_id, kind)
);
create index triage_follow_up_due on triage_follow_up (due_at) where done_at is null;

-- Each training of the team classifier, with its accuracy on tickets it did not learn from.
create table classifier_training (
    id                  bigint generated always as identity primary key,
    trained_at          timestamptz not null,
    examples            integer not null,
    held_out            integer not null,
    rules_accuracy      real,
    model_accuracy      real,
    combined_accuracy   real,
    model_weight        real not null,
    duration_ms         integer not null
);

-- Budget used this period: the billable time entries since a date, for the desk's and the work queue's organizations.
create index time_entry_billable_worked on time_entry (worked_at) where billable;
-- The desk, oldest first and most urgent first, read straight off an index even with tens of thousands waiting.
create index ticket_untriaged_age on ticket (created_at, id) where team_id is null and status in ('NEW', 'OPEN');
create index ticket_untriaged_urgency on ticket ((case priority when 'CRITICAL' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end),
    created_at, id) where team_id is null and status in ('NEW', 'OPEN');
-- Assignee suggestions: who owned this organization's or service's tickets lately, without reading all of them.
create index ticket_organization_owner on ticket (organization_id, owner_id, updated_at desc) where owner_id is not null;
create index ticket_service_owner on ticket (service_id, owner_id, updated_at desc) where owner_id is not null;

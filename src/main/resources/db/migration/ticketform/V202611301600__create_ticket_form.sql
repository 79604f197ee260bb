-- The public ticket form. A submission waits here until the address's owner opens the emailed link and confirms;
-- only the token's hash is kept. The sender's IP is kept as a hash too: it is only needed to count submissions.
create table form_request (
    id              bigint generated always as identity primary key,
    token_hash      text not null unique,
    name            text not null,
    email           text not null,
    subject         text not null,
    description     text not null,
    ip_hash         text not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    confirmed_at    timestamptz,
    ticket_id       bigint references ticket (id)
);
create index form_request_email on form_request (lower(email), created_at);
create index form_request_ip on form_request (ip_hash, created_at);

-- Signs the form's anti-forgery token; the same on every node, read once at start so the form page needs no query.
create table form_signing_key (
    id      integer primary key check (id = 1),
    secret  text not null
);
insert into form_signing_key (id, secret)
values (1, replace(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

-- Deflection rules: words or phrases that, typed into the form, suggest an article or a tool link.
create table deflection_rule (
    id          bigint generated always as identity primary key,
    phrases     text[] not null check (cardinality(phrases) between 1 and 50),
    kind        text not null check (kind in ('ARTICLE', 'TOOL')),
    title       text not null check (length(title) between 1 and 200),
    url         text not null check (length(url) between 1 and 2000),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- One form view (a page load), for counting: what it showed, what was clicked and how it ended.
create table form_view (
    view_id         uuid primary key,
    started_at      timestamptz not null,
    incidents       bigint[] not null default '{}',
    rules_shown     bigint[] not null default '{}',
    rules_clicked   bigint[] not null default '{}',
    submitted_at    timestamptz,
    outcome         text check (outcome in ('SUBMITTED', 'DEFLECTED', 'LEFT')),
    closed_at       timestamptz
);
create index form_view_open on form_view (started_at) where outcome is null;

alter table outbound_email drop constraint outbound_email_kind_check;
alter table outbound_email add constraint outbound_email_kind_check
    check (kind in ('REPLY', 'ACKNOWLEDGEMENT', 'APPROVAL_REQUEST', 'APPROVAL_REJECTED', 'ASSIGNMENT', 'ASSIGNEE_ALERT', 'SLA_ALERT',
                    'RESOLUTION', 'LEAD', 'FORM_CONFIRMATION'));

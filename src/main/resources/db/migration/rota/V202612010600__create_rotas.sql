-- Rotations: people handing a duty over at a local weekday and time in a time zone, every shift_days days, from an
-- anchor date. A shift needs one person per slot role (dxw's first line: a developer and an operations engineer).
-- With a business calendar, first line (and the triage desk, second line) works in its hours and on call outside them.
create table rotation (
    id              bigserial primary key,
    name            text not null check (length(name) between 1 and 200),
    team_id         bigint references team (id),
    duty            text not null check (duty in ('TRIAGE_DESK', 'FIRST_LINE', 'ON_CALL', 'SECOND_LINE')),
    handoff_day     int not null check (handoff_day between 1 and 7),
    handoff_time    time not null,
    time_zone       text not null,
    shift_days      int not null default 7 check (shift_days between 1 and 28),
    roles           text[] not null default array['']::text[] check (cardinality(roles) between 1 and 10),
    calendar_id     bigint references business_calendar (id),
    anchor_date     date not null,
    notice_days     int not null default 7 check (notice_days between 0 and 90),
    published_at    timestamptz,
    created_at      timestamptz not null
);
create index rotation_team on rotation (team_id);
create index rotation_duty on rotation (duty);

-- Members in order per role; a shadow sees the work and is never scheduled or paged.
create table rotation_member (
    rotation_id     bigint not null references rotation (id) on delete cascade,
    agent_id        bigint not null references agent (id),
    role            text not null,
    position        int not null,
    shadow          boolean not null default false,
    primary key (rotation_id, role, agent_id)
);
create index rotation_member_agent on rotation_member (agent_id);

-- On call is opt-in: an agent asks, the head of operations decides.
create table on_call_request (
    id              bigserial primary key,
    rotation_id     bigint not null references rotation (id) on delete cascade,
    agent_id        bigint not null references agent (id),
    role            text not null,
    status          text not null check (status in ('PENDING', 'APPROVED', 'REFUSED')),
    requested_at    timestamptz not null,
    decided_by      bigint references agent (id),
    decided_at      timestamptz
);
create unique index on_call_request_open on on_call_request (rotation_id, agent_id, role) where status = 'PENDING';

-- The plan: one row per shift and role, stored up to a horizon months ahead; agent_id null is an unfilled slot.
create table rota_shift (
    id              bigserial primary key,
    rotation_id     bigint not null references rotation (id) on delete cascade,
    role            text not null,
    shift_index     int not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null check (ends_at > starts_at),
    agent_id        bigint references agent (id),
    unique (rotation_id, role, shift_index)
);
create index rota_shift_time on rota_shift (rotation_id, starts_at, ends_at);
create index rota_shift_agent on rota_shift (agent_id, starts_at);

-- Changes over the plan for a time range: add someone, remove someone, or replace one person by another. Approved
-- swaps become a pair of replacements, so regenerating the plan never loses them.
create table rota_override (
    id              bigserial primary key,
    rotation_id     bigint not null references rotation (id) on delete cascade,
    role            text not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null check (ends_at > starts_at),
    removed_agent_id bigint references agent (id),
    added_agent_id  bigint references agent (id),
    swap_id         bigint,
    created_by      text not null,
    created_at      timestamptz not null,
    check (removed_agent_id is not null or added_agent_id is not null)
);
create index rota_override_time on rota_override (rotation_id, starts_at, ends_at);

-- A person offers their shift for another's: the other accepts, then both delivery leads approve.
create table rota_swap (
    id              bigserial primary key,
    rotation_id     bigint not null references rotation (id) on delete cascade,
    shift_id        bigint not null references rota_shift (id) on delete cascade,
    other_shift_id  bigint not null references rota_shift (id) on delete cascade,
    proposer_id     bigint not null references agent (id),
    other_id        bigint not null references agent (id),
    status          text not null check (status in ('PROPOSED', 'ACCEPTED', 'APPROVED', 'REFUSED', 'WITHDRAWN')),
    proposer_lead_approved_by bigint references agent (id),
    other_lead_approved_by bigint references agent (id),
    created_at      timestamptz not null,
    decided_at      timestamptz
);
create index rota_swap_rotation on rota_swap (rotation_id, status);

create table out_of_office (
    id              bigserial primary key,
    agent_id        bigint not null references agent (id),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null check (ends_at > starts_at),
    reason          text not null default '',
    created_at      timestamptz not null
);
create index out_of_office_agent on out_of_office (agent_id, starts_at);

-- Slots of a published rota an out-of-office emptied after publishing: shown until someone covers or dismisses them.
create table rota_alert (
    id              bigserial primary key,
    rotation_id     bigint not null references rotation (id) on delete cascade,
    shift_id        bigint not null references rota_shift (id) on delete cascade,
    agent_id        bigint not null references agent (id),
    out_of_office_id bigint references out_of_office (id) on delete cascade,
    raised_at       timestamptz not null,
    cleared_at      timestamptz
);
create index rota_alert_open on rota_alert (rotation_id) where cleared_at is null;

-- Duty checklists: items that recur on a weekday of every shift, skipped when that day is a holiday.
create table rota_checklist_item (
    id              bigserial primary key,
    rotation_id     bigint not null references rotation (id) on delete cascade,
    title           text not null check (length(title) between 1 and 200),
    weekday         int not null check (weekday between 1 and 7)
);
create table rota_checklist_tick (
    item_id         bigint not null references rota_checklist_item (id) on delete cascade,
    due_on          date not null,
    ticked_by       bigint not null references agent (id),
    ticked_at       timestamptz not null,
    primary key (item_id, due_on)
);

create trigger rotation_audit after insert or update or delete on rotation for each row execute function audit_row();
create trigger rotation_member_audit after insert or update or delete on rotation_member
    for each row execute function audit_row();
create trigger on_call_request_audit after insert or update or delete on on_call_request
    for each row execute function audit_row();
create trigger rota_override_audit after insert or update or delete on rota_override
    for each row execute function audit_row();
create trigger rota_swap_audit after insert or update or delete on rota_swap for each row execute function audit_row();
create trigger out_of_office_audit after insert or update or delete on out_of_office
    for each row execute function audit_row();
create trigger rota_checklist_tick_audit after insert or update or delete on rota_checklist_tick
    for each row execute function audit_row();

-- Rota changes tell the people and their teams by mail.
alter table outbound_email drop constraint outbound_email_kind_check;
alter table outbound_email add constraint outbound_email_kind_check
    check (kind in ('REPLY', 'ACKNOWLEDGEMENT', 'APPROVAL_REQUEST', 'APPROVAL_REJECTED', 'ASSIGNMENT', 'ASSIGNEE_ALERT',
                    'SLA_ALERT', 'RESOLUTION', 'LEAD', 'STATUS_SUBSCRIPTION', 'FORM_CONFIRMATION', 'INCIDENT_UPDATE',
                    'INCIDENT_REMINDER', 'PORTAL_SIGN_IN', 'ROTA_CHANGE'));

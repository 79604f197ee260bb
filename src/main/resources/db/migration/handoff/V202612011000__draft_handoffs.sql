-- On a shift's last day Firstline drafts its handoff (Tilt): what is open, breached, burning, paged, and the load of
-- the period; the outgoing person edits it, the incoming one reads it first.
create table handoff (
    id                  bigint generated always as identity primary key,
    rotation_id         bigint not null references rotation (id) on delete cascade,
    role                text not null,
    shift_starts_at     timestamptz not null,
    shift_ends_at       timestamptz not null,
    outgoing_agent_id   bigint references agent (id),
    incoming_agent_id   bigint references agent (id),
    draft               text not null,
    body                text not null,
    edited_at           timestamptz,
    edited_by           bigint references agent (id),
    read_at             timestamptz,
    reminded_at         timestamptz,
    created_at          timestamptz not null,
    unique (rotation_id, role, shift_ends_at)
);
create index handoff_unread on handoff (incoming_agent_id) where read_at is null;

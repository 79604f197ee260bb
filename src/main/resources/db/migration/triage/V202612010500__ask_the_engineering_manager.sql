-- A critical ticket nobody on its team can take goes to the engineering manager, who finds people for it (2i2c).
create table engineering_manager_request (
    id           bigint generated always as identity primary key,
    ticket_id    bigint not null references ticket (id),
    asked_by     bigint not null references agent (id),
    manager_ids  bigint[] not null,
    reason       text not null,
    asked_at     timestamptz not null
);
create index engineering_manager_request_ticket on engineering_manager_request (ticket_id, id desc);

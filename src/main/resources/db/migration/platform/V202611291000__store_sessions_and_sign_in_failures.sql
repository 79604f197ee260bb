-- Web sessions live in PostgreSQL so any node serves any request and a deactivation ends every session at once;
-- failed sign-ins too, so throttling survives restarts and holds across nodes.
create table spring_session (
    primary_id            char(36) not null primary key,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    primary key (session_primary_id, attribute_name)
);

create table sign_in_failure (
    id        bigint generated always as identity primary key,
    username  text not null,
    address   text not null,
    failed_at timestamptz not null,
    -- a right password clears the account's count; the address keeps it
    account_cleared boolean not null default false
);
create index sign_in_failure_username on sign_in_failure (lower(username), failed_at);
create index sign_in_failure_address on sign_in_failure (address, failed_at);
create index sign_in_failure_age on sign_in_failure (failed_at);

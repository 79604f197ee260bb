-- Calendar subscriptions: a secret address per rota or per person. Only the token's SHA-256 is kept, so the address
-- is shown once; revoking keeps the row so a revoked address answers 404 like an unknown one.
create table calendar_feed (
    id              bigserial primary key,
    token_hash      text not null unique,
    rotation_id     bigint references rotation (id) on delete cascade,
    agent_id        bigint references agent (id),
    created_by      bigint not null references agent (id),
    created_at      timestamptz not null,
    revoked_at      timestamptz,
    check ((rotation_id is null) <> (agent_id is null))
);
create index calendar_feed_creator on calendar_feed (created_by);

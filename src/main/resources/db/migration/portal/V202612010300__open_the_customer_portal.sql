-- The customer portal: contacts sign in with a single-use link mailed to them, which works only in the browser that
-- asked for it (a random cookie, of which only the hash is kept here). Every request for a link is a row, known
-- address or not, so the limits per address and per network address hold across nodes and restarts.
create table portal_sign_in_link (
    id              bigint generated always as identity primary key,
    token_hash      text not null unique,
    email           text not null,
    contact_id      bigint references contact (id) on delete cascade,
    browser_hash    text not null,
    client_address  text not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz
);
create index portal_sign_in_link_email on portal_sign_in_link (email, created_at);
create index portal_sign_in_link_client on portal_sign_in_link (client_address, created_at);
create index portal_sign_in_link_age on portal_sign_in_link (created_at);

-- A customer's session, apart from the agents' (spring_session): its own cookie, its own table, and nothing in it
-- but who signed in; what they may see is read from the directory on every request.
create table portal_session (
    id              bigint generated always as identity primary key,
    token_hash      text not null unique,
    contact_id      bigint not null references contact (id) on delete cascade,
    created_at      timestamptz not null,
    last_seen_at    timestamptz not null,
    expires_at      timestamptz not null
);
create index portal_session_contact on portal_session (contact_id);
create index portal_session_expiry on portal_session (expires_at);


-- People who asked for status page updates by mail. An address counts only once confirmed; the confirmation token
-- is kept as its SHA-256 only. Unsubscribe links are signed with the page's key, so they need no column.
create table status_subscriber (
    id bigint generated always as identity primary key,
    address text not null check (length(address) between 3 and 254),
    confirm_token_hash text,
    confirm_expires_at timestamptz,
    requested_at timestamptz not null,
    confirmed_at timestamptz,
    unsubscribed_at timestamptz
);
create unique index status_subscriber_address_key on status_subscriber (lower(address));
create unique index status_subscriber_token_key on status_subscriber (confirm_token_hash) where confirm_token_hash is not null;

-- The key that signs unsubscribe links and the subscribe form's tokens: one for every node.
create table status_page_key (
    id boolean primary key default true check (id),
    secret text not null
);

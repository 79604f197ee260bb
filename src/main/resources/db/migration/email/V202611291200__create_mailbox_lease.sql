-- With several nodes, one reads each mailbox at a time: two readers would fetch the same mail and race to file it.
create table mailbox_lease (
    mailbox_id  bigint primary key references mailbox (id) on delete cascade,
    node_id     text not null,
    expires_at  timestamptz not null
);

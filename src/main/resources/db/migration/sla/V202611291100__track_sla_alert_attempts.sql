-- One alert whose listener fails must not hold up the others: it is retried on its own a few times, then set aside for an admin.
alter table sla_event
    add column attempts         int not null default 0,
    add column last_error       text,
    add column next_attempt_at  timestamptz,
    add column dead_lettered_at timestamptz;

drop index sla_event_unnotified;
create index sla_event_unnotified on sla_event (id) where notified_at is null and dead_lettered_at is null;
create index sla_event_dead_lettered on sla_event (dead_lettered_at) where dead_lettered_at is not null;

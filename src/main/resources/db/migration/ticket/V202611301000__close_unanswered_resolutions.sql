-- A resolved ticket the requester never answers is closed after a number of days admins choose (7 by default), with
-- its own outcome so reports tell it from a confirmed fix.
alter table ticket drop constraint ticket_resolution_outcome_check;
alter table ticket add constraint ticket_resolution_outcome_check
    check (resolution_outcome in ('AWAITING_CONFIRMATION', 'CONFIRMED', 'REJECTED', 'CLOSED_DIRECTLY', 'AUTO_CLOSED'));

create table ticket_settings (
    id              integer primary key default 1 check (id = 1),
    auto_close_days integer not null default 7 check (auto_close_days between 1 and 365),
    updated_at      timestamptz
);
insert into ticket_settings (id) values (1);
create trigger ticket_settings_audit after insert or update or delete on ticket_settings for each row execute function audit_row();

create index ticket_resolved on ticket (resolved_at) where status = 'RESOLVED';

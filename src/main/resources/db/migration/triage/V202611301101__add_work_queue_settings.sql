-- 2i2c's fifth rule, "requests from communities that haven't used much Support Budget", as a share an admin sets:
-- an organization under it this period comes fifth; half by default.
create table work_queue_settings (
    id                      integer primary key default 1 check (id = 1),
    budget_share_percent    integer not null default 50 check (budget_share_percent between 1 and 100),
    updated_at              timestamptz
);
insert into work_queue_settings (id) values (1);
create trigger work_queue_settings_audit after insert or update or delete on work_queue_settings for each row execute function audit_row();

-- The work queue ranks every open non-incident ticket with a team, however old: read them off one small index.
create index ticket_work_queue on ticket (team_id, created_at, id) where status in ('NEW', 'OPEN') and type <> 'INCIDENT' and team_id is not null;

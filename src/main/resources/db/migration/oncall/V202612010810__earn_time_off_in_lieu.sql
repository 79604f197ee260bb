-- Time off in lieu (dxw): episodes come from the out-of-hours pages sent; a claim is the person's account of one
-- (woken or not, minutes worked), approved by their delivery lead, then exported to the HR system.
create table toil_claim (
    id                  bigint generated always as identity primary key,
    agent_id            bigint not null references agent (id),
    episode_start       timestamptz not null,
    pages               integer not null,
    woke                boolean not null,
    minutes_worked      integer not null check (minutes_worked between 0 and 1440),
    out_of_hours_minutes integer not null,
    days                numeric(5, 2) not null,
    status              text not null check (status in ('CONFIRMED', 'APPROVED', 'REJECTED')),
    confirmed_at        timestamptz not null,
    decided_by          bigint references agent (id),
    decided_at          timestamptz,
    unique (agent_id, episode_start)
);
create index toil_claim_period on toil_claim (episode_start);

create table toil_settings (
    id              integer primary key default 1 check (id = 1),
    -- sealed: a webhook address usually carries its token
    hr_webhook_url  text
);

-- approved claims on their way to the HR system, retried until it answers
create table toil_delivery (
    id              bigint generated always as identity primary key,
    claim_id        bigint not null references toil_claim (id),
    status          text not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    error           text,
    created_at      timestamptz not null
);
create index toil_delivery_due on toil_delivery (next_attempt_at) where status = 'PENDING';

create trigger toil_claim_audit after insert or update or delete on toil_claim
    for each row execute function audit_row();
create trigger toil_settings_audit after insert or update or delete on toil_settings
    for each row execute function audit_row();

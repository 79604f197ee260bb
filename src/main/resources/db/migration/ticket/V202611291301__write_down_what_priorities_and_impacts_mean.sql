-- What each priority and impact level means, in words admins write and triagers read where they set them (dxw keeps
-- prioritisation definitions per client, 2i2c defines impact levels). Rows without a plan apply to every plan that
-- has not written its own.
create table severity_meaning (
    id      bigserial primary key,
    plan_id bigint references support_plan (id) on delete cascade,
    scale   text not null check (scale in ('PRIORITY', 'IMPACT')),
    level   text not null,
    meaning text not null check (length(meaning) between 1 and 2000),
    check ((scale = 'PRIORITY' and level in ('LOW', 'NORMAL', 'HIGH', 'CRITICAL'))
        or (scale = 'IMPACT' and level in ('NONE', 'MINOR', 'DEGRADED', 'MAJOR', 'OUTAGE', 'DATA_LOSS')))
);
create unique index severity_meaning_level on severity_meaning (coalesce(plan_id, 0), scale, level);

insert into severity_meaning (plan_id, scale, level, meaning) values
    (null, 'PRIORITY', 'CRITICAL', 'Drop other work: the service is down or data is at risk and there is no workaround.'),
    (null, 'PRIORITY', 'HIGH', 'Next in line: something important is broken or badly degraded for many users, or a deadline is at risk.'),
    (null, 'PRIORITY', 'NORMAL', 'In turn: something does not work as it should, a workaround exists or few people are affected.'),
    (null, 'PRIORITY', 'LOW', 'When there is time: questions, cosmetic problems, small improvements.'),
    (null, 'IMPACT', 'DATA_LOSS', 'Data is lost, corrupted or exposed.'),
    (null, 'IMPACT', 'OUTAGE', 'The service is down for the organization''s users.'),
    (null, 'IMPACT', 'MAJOR', 'A workflow the organization depends on is blocked or badly degraded, e.g. image or profile updates, user storage limits, monitoring failing.'),
    (null, 'IMPACT', 'DEGRADED', 'It works, but worse: slower, flaky, or one feature fails and a workaround exists.'),
    (null, 'IMPACT', 'MINOR', 'An annoyance for a few users.'),
    (null, 'IMPACT', 'NONE', 'No effect on users: a question or a request for information.');

-- The one meaning of "critical" (2i2c: by its impact on users). Everything that treats critical tickets differently
-- asks impact_is_critical(): the Slack ping on escalation, the 30-minute timebox, the owner's urgent alert and the
-- around-the-clock calendar of a 24/7 plan.
create table critical_definition (
    id             smallint primary key default 1 check (id = 1),
    minimum_impact text not null check (minimum_impact in ('MINOR', 'DEGRADED', 'MAJOR', 'OUTAGE', 'DATA_LOSS')),
    meaning        text not null check (length(meaning) between 1 and 2000)
);
insert into critical_definition (minimum_impact, meaning) values ('MAJOR',
    'Not an incident, but it blocks or badly degrades a workflow an organization depends on and needs fixing inside the '
    || 'current sprint (e.g. image or profile updates, user storage limits, Grafana or Prometheus failing). Whoever is '
    || 'on support takes it at once, outside the 30-minute timebox; if nobody can, the engineering manager finds someone.');

create function impact_is_critical(impact text) returns boolean language sql stable as $$
    select array_position(array['NONE', 'MINOR', 'DEGRADED', 'MAJOR', 'OUTAGE', 'DATA_LOSS'], impact)
        >= array_position(array['NONE', 'MINOR', 'DEGRADED', 'MAJOR', 'OUTAGE', 'DATA_LOSS'], minimum_impact)
    from critical_definition
$$;

create trigger severity_meaning_audit after insert or update or delete on severity_meaning for each row execute function audit_row();
create trigger critical_definition_audit after insert or update or delete on critical_definition for each row execute function audit_row();

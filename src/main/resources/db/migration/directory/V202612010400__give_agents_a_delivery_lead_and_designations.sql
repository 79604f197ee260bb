-- Who an agent answers to (their delivery lead approves swaps and time off in lieu) and the hats an admin gives
-- them: head of operations, engineering manager, project manager, lead tracker, cleared for on call. One row per agent
-- that has any; its id is the agent's.
create table agent_responsibility (
    id                  bigint primary key references agent (id),
    delivery_lead_id    bigint references agent (id),
    designations        text[] not null default '{}'
                        check (designations <@ array['HEAD_OF_OPERATIONS', 'ENGINEERING_MANAGER', 'PROJECT_MANAGER',
                                                     'LEAD_TRACKER', 'CLEARED_FOR_ON_CALL']::text[]),
    check (delivery_lead_id is null or delivery_lead_id <> id)
);
create index agent_responsibility_lead on agent_responsibility (delivery_lead_id);
create index agent_responsibility_designations on agent_responsibility using gin (designations);
create trigger agent_responsibility_audit after insert or update or delete on agent_responsibility
    for each row execute function audit_row();

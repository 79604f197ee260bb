-- Changes to organizations, contacts, agents, teams and tokens are audited like tickets; secrets never enter the trail.
create or replace function audit_row() returns trigger language plpgsql as $$
declare
    old_row jsonb;
    new_row jsonb;
    key     text;
    tid     bigint;
    ignored text[] := array['updated_at', 'search', 'content', 'password_hash', 'token_hash', 'last_used_at'];
begin
    if tg_op = 'DELETE' then
        old_row := to_jsonb(old);
        tid := case when tg_table_name = 'ticket' then (old_row->>'id')::bigint else (old_row->>'ticket_id')::bigint end;
        insert into audit_entry (ticket_id, entity, entity_id, action, before, actor, at)
        values (tid, tg_table_name, coalesce((old_row->>'id')::bigint, (old_row->>'contact_id')::bigint, (old_row->>'team_id')::bigint),
                'deleted', (old_row - ignored)::text, audit_actor(), audit_at());
        return old;
    end if;
    new_row := to_jsonb(new);
    tid := case when tg_table_name = 'ticket' then (new_row->>'id')::bigint else (new_row->>'ticket_id')::bigint end;
    if tg_op = 'INSERT' then
        insert into audit_entry (ticket_id, entity, entity_id, action, after, actor, at)
        values (tid, tg_table_name, coalesce((new_row->>'id')::bigint, (new_row->>'contact_id')::bigint, (new_row->>'team_id')::bigint),
                'created', (new_row - ignored - 'body')::text, audit_actor(), audit_at());
        return new;
    end if;
    old_row := to_jsonb(old);
    for key in select jsonb_object_keys(new_row) loop
        if key = any(array['password_hash', 'token_hash']) and (old_row->key) is distinct from (new_row->key) then
            insert into audit_entry (ticket_id, entity, entity_id, action, field, actor, at)
            values (tid, tg_table_name, (new_row->>'id')::bigint, 'changed', key, audit_actor(), audit_at());
        elsif key <> all(ignored) and (old_row->key) is distinct from (new_row->key) then
            insert into audit_entry (ticket_id, entity, entity_id, action, field, before, after, actor, at)
            values (tid, tg_table_name, (new_row->>'id')::bigint, 'changed', key, old_row->>key, new_row->>key, audit_actor(), audit_at());
        end if;
    end loop;
    return new;
end
$$;

create index audit_entry_entity on audit_entry (entity, entity_id, id);

create trigger organization_audit after insert or update or delete on organization for each row execute function audit_row();
create trigger service_audit after insert or update or delete on service for each row execute function audit_row();
create trigger support_plan_audit after insert or update or delete on support_plan for each row execute function audit_row();
create trigger contact_audit after insert or update or delete on contact for each row execute function audit_row();
create trigger contact_email_audit after insert or delete on contact_email for each row execute function audit_row();
create trigger contact_organization_audit after insert or update or delete on contact_organization for each row execute function audit_row();
create trigger agent_audit after insert or update or delete on agent for each row execute function audit_row();
create trigger team_audit after insert or update or delete on team for each row execute function audit_row();
create trigger team_member_audit after insert or delete on team_member for each row execute function audit_row();
create trigger api_token_audit after insert or update or delete on api_token for each row execute function audit_row();

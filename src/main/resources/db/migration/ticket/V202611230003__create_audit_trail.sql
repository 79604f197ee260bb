-- The audit trail is written by triggers so that no code path, script or import can change a ticket unrecorded.
-- The acting user comes from the transaction-local setting firstline.actor.
create table audit_entry (
    id          bigint generated always as identity primary key,
    ticket_id   bigint,
    entity      text not null,
    entity_id   bigint,
    action      text not null,
    field       text,
    before      text,
    after       text,
    actor       text not null,
    at          timestamptz not null
);
create index audit_entry_ticket on audit_entry (ticket_id, id);

create function audit_actor() returns text language sql stable as $$
    select coalesce(nullif(current_setting('firstline.actor', true), ''), 'system:' || current_user)
$$;

create function audit_at() returns timestamptz language sql stable as $$
    select coalesce(nullif(current_setting('firstline.now', true), '')::timestamptz, now())
$$;

create function audit_row() returns trigger language plpgsql as $$
declare
    old_row jsonb;
    new_row jsonb;
    key     text;
    tid     bigint;
    ignored text[] := array['updated_at', 'search', 'content'];
begin
    if tg_op = 'DELETE' then
        old_row := to_jsonb(old);
        tid := case when tg_table_name = 'ticket' then (old_row->>'id')::bigint else (old_row->>'ticket_id')::bigint end;
        insert into audit_entry (ticket_id, entity, entity_id, action, before, actor, at)
        values (tid, tg_table_name, (old_row->>'id')::bigint, 'deleted', (old_row - ignored)::text, audit_actor(), audit_at());
        return old;
    end if;
    new_row := to_jsonb(new);
    tid := case when tg_table_name = 'ticket' then (new_row->>'id')::bigint else (new_row->>'ticket_id')::bigint end;
    if tg_op = 'INSERT' then
        insert into audit_entry (ticket_id, entity, entity_id, action, after, actor, at)
        values (tid, tg_table_name, (new_row->>'id')::bigint, 'created', (new_row - ignored - 'body')::text, audit_actor(), audit_at());
        return new;
    end if;
    old_row := to_jsonb(old);
    for key in select jsonb_object_keys(new_row) loop
        if key <> all(ignored) and (old_row->key) is distinct from (new_row->key) then
            insert into audit_entry (ticket_id, entity, entity_id, action, field, before, after, actor, at)
            values (tid, tg_table_name, (new_row->>'id')::bigint, 'changed', key, old_row->>key, new_row->>key, audit_actor(), audit_at());
        end if;
    end loop;
    return new;
end
$$;

create trigger ticket_audit after insert or update or delete on ticket for each row execute function audit_row();
create trigger message_audit after insert or update or delete on message for each row execute function audit_row();
create trigger attachment_audit after insert or delete on attachment for each row execute function audit_row();
create trigger ticket_link_audit after insert or update or delete on ticket_link for each row execute function audit_row();
create trigger time_entry_audit after insert or update or delete on time_entry for each row execute function audit_row();
create trigger ticket_label_audit after insert or delete on ticket_label for each row execute function audit_row();
create trigger ticket_watcher_audit after insert or delete on ticket_watcher for each row execute function audit_row();

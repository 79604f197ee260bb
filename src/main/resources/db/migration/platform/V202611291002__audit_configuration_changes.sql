-- Admins' configuration changes are audited like tickets and the directory; secrets (passwords, tokens, webhook
-- secrets and addresses that carry one) are recorded as changed, never copied, and status columns the system keeps
-- moving are left out.
create or replace function audit_row() returns trigger language plpgsql as $$
declare
    old_row jsonb;
    new_row jsonb;
    key     text;
    tid     bigint;
    eid     bigint;
    ignored text[] := array['updated_at', 'search', 'content', 'last_used_at', 'uid_validity', 'last_polled_at', 'last_error',
                            'consecutive_failures', 'last_standup_at'];
    -- webhook addresses count as secrets: Slack's, Teams' and most others carry their token in the path
    secrets text[] := array['password_hash', 'token_hash', 'imap_password', 'smtp_password', 'trello_key', 'trello_token',
                            'github_token', 'github_webhook_secret', 'shortcut_token', 'secret', 'slack_support_webhook',
                            'slack_webhook', 'url'];
begin
    if tg_op = 'DELETE' then
        old_row := to_jsonb(old);
    else
        new_row := to_jsonb(new);
    end if;
    tid := case when tg_table_name = 'ticket' then (coalesce(new_row, old_row)->>'id')::bigint
                else (coalesce(new_row, old_row)->>'ticket_id')::bigint end;
    eid := coalesce((coalesce(new_row, old_row)->>'id')::bigint, (coalesce(new_row, old_row)->>'contact_id')::bigint,
                    (coalesce(new_row, old_row)->>'team_id')::bigint, (coalesce(new_row, old_row)->>'calendar_id')::bigint,
                    (coalesce(new_row, old_row)->>'policy_id')::bigint);
    if tg_op = 'DELETE' then
        insert into audit_entry (ticket_id, entity, entity_id, action, before, actor, at)
        values (tid, tg_table_name, eid, 'deleted', (old_row - ignored - secrets)::text, audit_actor(), audit_at());
        return old;
    end if;
    if tg_op = 'INSERT' then
        insert into audit_entry (ticket_id, entity, entity_id, action, after, actor, at)
        values (tid, tg_table_name, eid, 'created', (new_row - ignored - secrets - 'body')::text, audit_actor(), audit_at());
        return new;
    end if;
    old_row := to_jsonb(old);
    for key in select jsonb_object_keys(new_row) loop
        if key = any(secrets) and (old_row->key) is distinct from (new_row->key) then
            insert into audit_entry (ticket_id, entity, entity_id, action, field, actor, at)
            values (tid, tg_table_name, eid, 'changed', key, audit_actor(), audit_at());
        elsif key <> all(ignored) and (old_row->key) is distinct from (new_row->key) then
            insert into audit_entry (ticket_id, entity, entity_id, action, field, before, after, actor, at)
            values (tid, tg_table_name, eid, 'changed', key, old_row->>key, new_row->>key, audit_actor(), audit_at());
        end if;
    end loop;
    return new;
end
$$;

create trigger business_calendar_audit after insert or update or delete on business_calendar for each row execute function audit_row();
create trigger business_hours_audit after insert or update or delete on business_hours for each row execute function audit_row();
create trigger business_holiday_audit after insert or update or delete on business_holiday for each row execute function audit_row();
create trigger sla_policy_audit after insert or update or delete on sla_policy for each row execute function audit_row();
create trigger sla_policy_target_audit after insert or update or delete on sla_policy_target for each row execute function audit_row();
create trigger mailbox_audit after insert or update or delete on mailbox for each row execute function audit_row();
create trigger email_template_audit after insert or update or delete on email_template for each row execute function audit_row();
create trigger integration_settings_audit after insert or update or delete on integration_settings for each row execute function audit_row();
create trigger team_channel_audit after insert or update or delete on team_channel for each row execute function audit_row();
create trigger webhook_subscription_audit after insert or update or delete on webhook_subscription for each row execute function audit_row();
create trigger label_audit after insert or update or delete on label for each row execute function audit_row();
create trigger ownership_rule_audit after insert or update or delete on ownership_rule for each row execute function audit_row();
create trigger canned_response_audit after insert or update or delete on canned_response for each row execute function audit_row();
create trigger team_desk_audit after insert or update or delete on team_desk for each row execute function audit_row();

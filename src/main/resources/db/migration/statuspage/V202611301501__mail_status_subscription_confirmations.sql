-- Confirmation mail for status page subscriptions. The allowed kinds are extended where they stand, whatever other
-- kinds were added before, rather than listed again.
do $$
declare
    definition text;
begin
    select pg_get_constraintdef(oid) into definition
    from pg_constraint where conrelid = 'outbound_email'::regclass and conname = 'outbound_email_kind_check';
    if definition is not null and position('STATUS_SUBSCRIPTION' in definition) = 0 then
        execute 'alter table outbound_email drop constraint outbound_email_kind_check';
        execute 'alter table outbound_email add constraint outbound_email_kind_check '
            || replace(definition, 'ARRAY[', 'ARRAY[''STATUS_SUBSCRIPTION''::text, ');
    end if;
end $$;

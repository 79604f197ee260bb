-- Waiting for a workshop's date or for a client's change approval is nobody's delay on our side: clocks pause
-- for both by default, on policies made before this default too.
alter table sla_policy alter column pause_reasons set default '{CUSTOMER,REPRESENTATIVE_APPROVAL,SCHEDULED,CHANGE_APPROVAL}';

update sla_policy
set pause_reasons = array(select distinct unnest(pause_reasons || '{SCHEDULED,CHANGE_APPROVAL}'::text[]) order by 1)
where not (pause_reasons @> '{SCHEDULED,CHANGE_APPROVAL}'::text[]);

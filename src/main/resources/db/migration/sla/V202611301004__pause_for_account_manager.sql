-- Out-of-scope work waits on the account manager, not on support: clocks pause for it by default, and policies
-- that kept the default pauses now pause for it too; a policy an admin set otherwise is left as it is.
alter table sla_policy alter column pause_reasons
    set default '{CUSTOMER,REPRESENTATIVE_APPROVAL,SCHEDULED,CHANGE_APPROVAL,ACCOUNT_MANAGER}';
update sla_policy
set pause_reasons = array(select distinct unnest(pause_reasons || '{ACCOUNT_MANAGER}'::text[]) order by 1)
where pause_reasons @> '{CUSTOMER,REPRESENTATIVE_APPROVAL,SCHEDULED,CHANGE_APPROVAL}'::text[]
  and cardinality(pause_reasons) = 4;

-- A ticket handed to the account manager as chargeable work waits on someone else, like one waiting on the customer:
-- policies that kept the default pauses now pause for it too; a policy an admin set otherwise is left as it is.
alter table sla_policy alter column pause_reasons set default '{CUSTOMER,REPRESENTATIVE_APPROVAL,ACCOUNT_MANAGER}';
update sla_policy set pause_reasons = '{CUSTOMER,REPRESENTATIVE_APPROVAL,ACCOUNT_MANAGER}'
where pause_reasons = '{CUSTOMER,REPRESENTATIVE_APPROVAL}';

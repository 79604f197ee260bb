-- A reply written while no mailbox can send waits for one: its mailbox is then chosen when it is sent.
alter table outbound_email alter column mailbox_id drop not null;

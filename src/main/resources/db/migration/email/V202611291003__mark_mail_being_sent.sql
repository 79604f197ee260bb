-- A mail is marked SENDING, committed, right before its SMTP call: after a crash only that one mail can go out twice
-- (with the same Message-ID), never the rest of the batch it was claimed with.
alter table outbound_email drop constraint outbound_email_status_check;
alter table outbound_email add constraint outbound_email_status_check check (status in ('QUEUED', 'SENDING', 'SENT', 'FAILED'));
drop index outbound_email_due;
create index outbound_email_due on outbound_email (next_attempt_at) where status in ('QUEUED', 'SENDING');

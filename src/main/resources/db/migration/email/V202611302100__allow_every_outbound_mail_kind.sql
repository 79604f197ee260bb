-- Incident updates and reminders, status page subscriptions and ticket form confirmations each added a kind of mail;
-- some of those changes listed the kinds anew, so this lists them all once more, in one place.
alter table outbound_email drop constraint outbound_email_kind_check;
alter table outbound_email add constraint outbound_email_kind_check
    check (kind in ('REPLY', 'ACKNOWLEDGEMENT', 'APPROVAL_REQUEST', 'APPROVAL_REJECTED', 'ASSIGNMENT', 'ASSIGNEE_ALERT',
                    'SLA_ALERT', 'RESOLUTION', 'LEAD', 'STATUS_SUBSCRIPTION', 'FORM_CONFIRMATION', 'INCIDENT_UPDATE',
                    'INCIDENT_REMINDER'));

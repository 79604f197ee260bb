-- Public incident updates reach requesters and subscribers; communications leads are reminded of the next update.
alter table outbound_email drop constraint outbound_email_kind_check;
alter table outbound_email add constraint outbound_email_kind_check
    check (kind in ('REPLY', 'ACKNOWLEDGEMENT', 'APPROVAL_REQUEST', 'APPROVAL_REJECTED', 'ASSIGNMENT', 'ASSIGNEE_ALERT', 'SLA_ALERT',
                    'RESOLUTION', 'LEAD', 'INCIDENT_UPDATE', 'INCIDENT_REMINDER'));

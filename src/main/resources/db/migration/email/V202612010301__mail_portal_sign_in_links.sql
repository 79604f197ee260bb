-- The customer portal's sign-in links go out as mail of their own kind.
alter table outbound_email drop constraint outbound_email_kind_check;
alter table outbound_email add constraint outbound_email_kind_check
    check (kind in ('REPLY', 'ACKNOWLEDGEMENT', 'APPROVAL_REQUEST', 'APPROVAL_REJECTED', 'ASSIGNMENT', 'ASSIGNEE_ALERT',
                    'SLA_ALERT', 'RESOLUTION', 'LEAD', 'STATUS_SUBSCRIPTION', 'FORM_CONFIRMATION', 'INCIDENT_UPDATE',
                    'INCIDENT_REMINDER', 'PORTAL_SIGN_IN'));

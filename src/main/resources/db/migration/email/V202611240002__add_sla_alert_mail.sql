-- Owners, teams and triagers hear of service-level warnings and breaches in one digest per sweep, not one mail per ticket.
alter table outbound_email drop constraint outbound_email_kind_check;
alter table outbound_email add constraint outbound_email_kind_check
    check (kind in ('REPLY', 'ACKNOWLEDGEMENT', 'APPROVAL_REQUEST', 'APPROVAL_REJECTED', 'ASSIGNMENT', 'ASSIGNEE_ALERT', 'SLA_ALERT'));
alter table email_template drop constraint email_template_key_check;
alter table email_template add constraint email_template_key_check
    check (key in ('ACKNOWLEDGEMENT', 'APPROVAL_REQUEST', 'APPROVAL_REJECTED', 'ASSIGNED', 'ASSIGNEE_ALERT', 'SLA_ALERT'));

insert into email_template (key, subject, body, updated_at) values
('SLA_ALERT', '{{alerts.summary}}', 'Hello {{agent.name}},

{{alerts.list}}

The breached and at-risk lists: {{sla.url}}', now());

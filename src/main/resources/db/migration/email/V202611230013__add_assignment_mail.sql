-- On assignment the requester is told who has the ticket; a high-priority assignment also tells the assignee directly.
alter table outbound_email drop constraint outbound_email_kind_check;
alter table outbound_email add constraint outbound_email_kind_check
    check (kind in ('REPLY', 'ACKNOWLEDGEMENT', 'APPROVAL_REQUEST', 'APPROVAL_REJECTED', 'ASSIGNMENT', 'ASSIGNEE_ALERT'));
alter table email_template drop constraint email_template_key_check;
alter table email_template add constraint email_template_key_check
    check (key in ('ACKNOWLEDGEMENT', 'APPROVAL_REQUEST', 'APPROVAL_REJECTED', 'ASSIGNED', 'ASSIGNEE_ALERT'));

insert into email_template (key, subject, body, updated_at) values
('ASSIGNED', '{{ticket.subject}}', 'Hello {{requester.name}},

{{agent.name}} of our {{team.name}} team has your request #{{ticket.number}} and will be in touch. To add anything,
reply to this email and keep the number in the subject.

{{mailbox.name}}', now()),
('ASSIGNEE_ALERT', '{{ticket.priority}} ticket for you: {{ticket.subject}}', 'Hello {{agent.name}},

Ticket #{{ticket.number}} ({{ticket.priority}}) was assigned to you in {{team.name}}:

{{ticket.subject}}
{{ticket.url}}

This is a high-priority ticket: please look at it now.', now());

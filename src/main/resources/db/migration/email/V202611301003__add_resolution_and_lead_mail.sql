-- Resolving a ticket mails the requester once, with a link to confirm the fix and one to say it is not fixed (2i2c);
-- out-of-scope work handed to an account manager mails them the lead (dxw). Links carry a random token whose hash
-- alone is kept; the newest request of a ticket is the only one that still counts.
alter table outbound_email drop constraint outbound_email_kind_check;
alter table outbound_email add constraint outbound_email_kind_check
    check (kind in ('REPLY', 'ACKNOWLEDGEMENT', 'APPROVAL_REQUEST', 'APPROVAL_REJECTED', 'ASSIGNMENT', 'ASSIGNEE_ALERT', 'SLA_ALERT',
                    'RESOLUTION', 'LEAD'));
alter table email_template drop constraint email_template_key_check;
alter table email_template add constraint email_template_key_check
    check (key in ('ACKNOWLEDGEMENT', 'APPROVAL_REQUEST', 'APPROVAL_REJECTED', 'ASSIGNED', 'ASSIGNEE_ALERT', 'SLA_ALERT',
                   'RESOLUTION', 'LEAD'));

create table resolution_request (
    id                  bigint generated always as identity primary key,
    ticket_id           bigint not null references ticket (id),
    token_hash          text not null unique,
    outbound_email_id   bigint references outbound_email (id),
    decision            text check (decision in ('CONFIRMED', 'NOT_FIXED')),
    decided_at          timestamptz,
    created_at          timestamptz not null
);
create index resolution_request_ticket on resolution_request (ticket_id, id desc);

insert into email_template (key, subject, body, updated_at) values
('RESOLUTION', 'Resolved: {{ticket.subject}}', 'Hello {{requester.name}},

We believe your request #{{ticket.number}} is resolved.
{{resolution.text}}
Is it fixed for you? One click tells us:

Yes, it is fixed: {{confirm.url}}
No, it is not fixed: {{reject.url}}

To tell us more, reply to this email: that reopens the request. If we do not hear from you in {{close.days}} days,
we will close it.
{{survey.text}}
{{mailbox.name}}', now()),
('LEAD', 'Out-of-scope work for you: {{ticket.subject}}', 'Hello {{agent.name}},

{{created.by}} marked ticket #{{ticket.number}} from {{organization.name}} as out of scope, so the work is chargeable.
It is now yours, waiting on you, as a lead: please contact the client to make a plan.

Estimate: about {{lead.hours}} hours
Why it is chargeable: {{lead.reason}}

{{ticket.subject}}
{{ticket.url}}', now());

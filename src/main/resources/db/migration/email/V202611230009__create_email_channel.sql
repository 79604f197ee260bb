-- The email channel: support mailboxes, every message read from them, the outbox, approvals and templates.
create table mailbox (
    id                  bigint generated always as identity primary key,
    name                text not null unique,
    address             text not null unique check (address = lower(address)),
    imap_host           text not null,
    imap_port           integer not null check (imap_port between 1 and 65535),
    imap_security       text not null check (imap_security in ('NONE', 'SSL', 'STARTTLS')),
    imap_username       text not null,
    imap_password       text not null,
    folder              text not null default 'INBOX',
    processed_action    text not null default 'SEEN' check (processed_action in ('SEEN', 'MOVE')),
    processed_folder    text,
    poll_seconds        integer not null default 60 check (poll_seconds between 1 and 3600),
    smtp_host           text,
    smtp_port           integer check (smtp_port between 1 and 65535),
    smtp_security       text check (smtp_security in ('NONE', 'SSL', 'STARTTLS')),
    smtp_username       text,
    smtp_password       text,
    acknowledge         boolean not null default true,
    enabled             boolean not null default true,
    uid_validity        bigint,
    last_polled_at      timestamptz,
    last_error          text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check ((processed_action = 'MOVE') = (processed_folder is not null))
);

-- Every message read, kept raw. dedup_key (Message-ID, else a hash of the content) makes a re-read a no-op.
create table inbound_email (
    id                  bigint generated always as identity primary key,
    mailbox_id          bigint references mailbox (id),
    dedup_key           text not null unique,
    message_id          text,
    sender              text,
    subject             text,
    uid_validity        bigint,
    uid                 bigint,
    outcome             text not null check (outcome in ('TICKET', 'REPLY', 'HELD', 'BOUNCE', 'APPROVAL', 'IGNORED',
                            'QUARANTINED', 'CONVERTED', 'DISCARDED')),
    reason              text,
    ticket_id           bigint references ticket (id),
    ticket_message_id   bigint references message (id),
    html                text,
    raw                 bytea not null,
    received_at         timestamptz not null
);
create index inbound_email_message_id on inbound_email (message_id) where message_id is not null;
create index inbound_email_sender on inbound_email (sender, received_at);
create index inbound_email_ticket on inbound_email (ticket_id);
create index inbound_email_ticket_message on inbound_email (ticket_message_id);
create index inbound_email_quarantined on inbound_email (received_at desc) where outcome = 'QUARANTINED';

create table outbound_email (
    id                  bigint generated always as identity primary key,
    mailbox_id          bigint not null references mailbox (id),
    ticket_id           bigint references ticket (id),
    ticket_message_id   bigint references message (id),
    kind                text not null check (kind in ('REPLY', 'ACKNOWLEDGEMENT', 'APPROVAL_REQUEST', 'APPROVAL_REJECTED')),
    message_id          text not null unique,
    in_reply_to         text,
    references_ids      text[] not null default '{}',
    recipients          text[] not null,
    cc                  text[] not null default '{}',
    subject             text not null,
    body                text not null,
    attachment_ids      bigint[] not null default '{}',
    status              text not null default 'QUEUED' check (status in ('QUEUED', 'SENT', 'FAILED')),
    attempts            integer not null default 0,
    next_attempt_at     timestamptz,
    last_error          text,
    sent_at             timestamptz,
    created_at          timestamptz not null
);
create index outbound_email_due on outbound_email (next_attempt_at) where status = 'QUEUED';
create index outbound_email_ticket on outbound_email (ticket_id);

create table approval_request (
    id                  bigint generated always as identity primary key,
    ticket_id           bigint not null references ticket (id),
    contact_id          bigint not null references contact (id),
    email               text not null,
    token_hash          text not null unique,
    outbound_email_id   bigint references outbound_email (id),
    decision            text check (decision in ('APPROVED', 'REJECTED')),
    decided_at          timestamptz,
    created_at          timestamptz not null
);
create index approval_request_ticket on approval_request (ticket_id);
create index approval_request_outbound on approval_request (outbound_email_id);

create table email_template (
    key         text primary key check (key in ('ACKNOWLEDGEMENT', 'APPROVAL_REQUEST', 'APPROVAL_REJECTED')),
    subject     text not null,
    body        text not null,
    updated_at  timestamptz not null
);

insert into email_template (key, subject, body, updated_at) values
('ACKNOWLEDGEMENT', '{{ticket.subject}}', 'Hello {{requester.name}},

We have your request and it has the number #{{ticket.number}}. A person will read it and reply to you here;
to add anything, reply to this email and keep the number in the subject.

{{mailbox.name}}', now()),
('APPROVAL_REQUEST', 'Approval needed: {{ticket.subject}}', 'Hello {{representative.name}},

I''m cc''ing you on this support ticket we received from a member of your community, {{requester.name}} <{{requester.email}}>.
To streamline our support process, we are accepting support requests only from community representatives. Can you
read through the request, and let us know how you wish to proceed?

Approve: {{approve.url}}
Reject: {{reject.url}}

You can also reply to this email with the single word "approve" or "reject".

Thanks.

> {{ticket.request}}', now()),
('APPROVAL_REJECTED', '{{ticket.subject}}', 'Hello {{requester.name}},

Thank you for writing to us. Requests for your organization come to us through its representatives, and they have
asked us not to take this one up as a support ticket (#{{ticket.number}}). Please talk to them about how best to
go ahead; they can open it again for you at any time.

{{mailbox.name}}', now());

insert into saved_view (name, owner_id, query, position, created_at)
values ('Held for representative approval', null, 'status=PENDING&pendingReason=REPRESENTATIVE_APPROVAL', 65, now());

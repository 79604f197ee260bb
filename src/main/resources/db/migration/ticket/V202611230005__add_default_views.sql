-- Shared views every desk starts with; their filters are the query strings of the ticket list.
create index saved_view_owner on saved_view (owner_id);
insert into saved_view (name, owner_id, query, position, created_at) values
('My open', null, 'status=open&ownerId=me', 10, now()),
('Waiting on me', null, 'ownerId=me&awaitingReply=true', 20, now()),
('My team, no owner', null, 'status=open&teamId=mine&ownerId=none', 30, now()),
('Triage: no team', null, 'status=open&teamId=none', 40, now()),
('All open', null, 'status=open', 50, now()),
('Pending', null, 'status=PENDING', 60, now()),
('Resolved, awaiting confirmation', null, 'status=RESOLVED', 70, now());

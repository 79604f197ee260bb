-- A contact in several organizations, none of which they represent, is held too: each request remembers the
-- organization its representative was asked for, and an approval files the ticket there.
alter table approval_request add column organization_id bigint references organization (id);

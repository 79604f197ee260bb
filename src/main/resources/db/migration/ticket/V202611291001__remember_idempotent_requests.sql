-- A key reused with a different body is a client's mistake to report (422), not a retry to answer with the first ticket.
alter table ticket_idempotency add column request_digest text;

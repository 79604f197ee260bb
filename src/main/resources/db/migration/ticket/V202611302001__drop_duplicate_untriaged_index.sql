-- ticket_untriaged_age (created_at, id) covers the same untriaged tickets, in the same order, as ticket_untriaged
-- (created_at): every new ticket was written into both.
drop index ticket_untriaged;

-- Search matches a ticket by its subject or any message, newest first. One search document per ticket (subject and
-- whole conversation) lets the planner either walk tickets newest-first for common words or use the GIN index for rare
-- ones; the union over per-message matches it replaces had to collect and sort every match (seconds at a million
-- tickets). The document lives beside the ticket so that ticket updates and their audit never carry it.
drop index ticket_search;
drop index message_search;

create table ticket_search (
    ticket_id   bigint primary key references ticket (id) on delete cascade,
    created_at  timestamptz not null,
    document    tsvector not null
);

insert into ticket_search (ticket_id, created_at, document)
select t.id, t.created_at, setweight(to_tsvector('english', t.subject), 'A')
    || coalesce((select to_tsvector('english', string_agg(left(m.body, 100000), ' ' order by m.id)) from message m where m.ticket_id = t.id), ''::tsvector)
from ticket t;

create function ticket_search_document(ticket bigint, subject text) returns tsvector language sql stable as $$
    select setweight(to_tsvector('english', subject), 'A')
        || coalesce((select to_tsvector('english', string_agg(left(m.body, 100000), ' ' order by m.id))
                     from message m where m.ticket_id = ticket), ''::tsvector)
$$;

create function ticket_search_on_ticket() returns trigger language plpgsql as $$
begin
    insert into ticket_search (ticket_id, created_at, document)
    values (new.id, new.created_at, ticket_search_document(new.id, new.subject))
    on conflict (ticket_id) do update set document = excluded.document, created_at = excluded.created_at;
    return new;
end
$$;

-- a conversation too large for one tsvector (1 MB) stays searchable by what fitted; the message itself is never refused
create function ticket_search_on_message() returns trigger language plpgsql as $$
begin
    begin
        update ticket_search set document = document || new.search where ticket_id = new.ticket_id;
    exception when program_limit_exceeded then
        raise warning 'ticket % has outgrown its search document; message % is not in it', new.ticket_id, new.id;
    end;
    return new;
end
$$;

create trigger ticket_search_insert after insert on ticket for each row execute function ticket_search_on_ticket();
create trigger ticket_search_subject after update of subject, created_at on ticket for each row
    when (old.subject is distinct from new.subject or old.created_at is distinct from new.created_at)
    execute function ticket_search_on_ticket();
create trigger message_search_into_ticket after insert on message for each row execute function ticket_search_on_message();

create index ticket_search_document_index on ticket_search using gin (document);
create index ticket_search_created on ticket_search (created_at desc, ticket_id desc);

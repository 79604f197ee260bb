-- One satisfaction survey per resolution mail: a rating from 1 to 5 and a comment. Its link carries a random token of
-- which only the hash is kept. Owner, team and organization are those of the ticket when it was resolved, so the
-- report credits who resolved it even after the ticket moves on. The first answer stands; a later one within 7 days
-- replaces it on the same row and is counted.
create table satisfaction_survey (
    id                      bigint generated always as identity primary key,
    ticket_id               bigint not null references ticket (id),
    token_hash              text not null unique,
    contact_id              bigint not null references contact (id),
    agent_id                bigint references agent (id),
    team_id                 bigint references team (id),
    organization_id         bigint references organization (id),
    sent_at                 timestamptz not null,
    rating                  smallint check (rating between 1 and 5),
    comment                 text check (char_length(comment) <= 2000),
    answered_by_contact_id  bigint references contact (id),
    first_answered_at       timestamptz,
    answered_at             timestamptz,
    answer_count            integer not null default 0 check (answer_count >= 0),
    check ((rating is null) = (answered_at is null)),
    check ((first_answered_at is null) = (answered_at is null)),
    check ((answer_count = 0) = (answered_at is null))
);
create index satisfaction_survey_ticket on satisfaction_survey (ticket_id, id desc);
create index satisfaction_survey_sent on satisfaction_survey (sent_at);

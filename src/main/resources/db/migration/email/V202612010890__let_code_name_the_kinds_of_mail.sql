-- Every new kind of mail (staff mail for rotas, pages and critical tickets among them) had to list all kinds again
-- here, and two changes listing them at once dropped each other's; the kinds are an enum in code, which is enough.
alter table outbound_email drop constraint if exists outbound_email_kind_check;

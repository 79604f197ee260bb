-- The author of what Firstline does by itself (mail intake, delivery reports). It cannot sign in: it is inactive and
-- its password hash matches no password.
insert into agent (username, display_name, email, password_hash, role, active, created_at)
values ('firstline', 'Firstline', 'firstline@localhost.invalid', '!', 'AGENT', false, now());

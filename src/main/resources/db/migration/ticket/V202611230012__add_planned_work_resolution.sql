-- Planned work (a workshop, a migration) is resolved when its planning issue closes; the link points at that issue.
alter table ticket drop constraint ticket_resolution_check;
alter table ticket add constraint ticket_resolution_check check (resolution in ('CODE_FIX', 'UI_CHANGE', 'DOCUMENTATION', 'WORKAROUND',
    'CUSTOMER_SIDE', 'SELF_SERVICE', 'OUT_OF_SCOPE', 'NOT_FIXED_IN_TIMEBOX', 'DUPLICATE', 'PLANNED_WORK_DONE'));

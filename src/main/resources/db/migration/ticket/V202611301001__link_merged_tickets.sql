-- The ticket a duplicate was merged into links back to it as "merged from", not as merely related.
alter table ticket_link drop constraint ticket_link_kind_check;
alter table ticket_link add constraint ticket_link_kind_check check (kind in ('RELATED', 'DUPLICATE_OF', 'EXTERNAL_ISSUE', 'MERGED_FROM'));

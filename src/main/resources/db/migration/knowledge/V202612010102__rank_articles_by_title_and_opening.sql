-- Ranking a common word's thousands of matches read each match's whole document; ranked by the title and the
-- opening (where an article says what it is about) instead, the vector ranked is a few hundred bytes. Matching still
-- uses the whole article.
alter table kb_article add column rank_search tsvector generated always as (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', left(body, 1500)), 'B')) stored;

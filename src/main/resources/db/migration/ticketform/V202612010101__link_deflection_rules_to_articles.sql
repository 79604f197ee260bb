-- An article rule may link a knowledge base article: its address is then the article's public one, kept up to date.
alter table deflection_rule add column article_id bigint references kb_article (id);

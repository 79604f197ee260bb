package org.firstline.knowledge.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import org.firstline.knowledge.ArticlePage;
import org.firstline.knowledge.ArticleQuery;
import org.firstline.knowledge.ArticleSummary;
import org.firstline.knowledge.Visibility;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Article search and lists. A search ranks the matches the GIN index finds by {@code ts_rank} over the title and
 * the body's opening (a title match weighs more; the whole body is only matched, never ranked, which would cost
 * reading every match's document) and cuts a snippet from the bodies of the page's rows only, from their first 3,000
 * characters: a headline costs in proportion to the text it reads, so it is never made for a row that is not shown. Pages are numbered by an opaque cursor, as ticket lists are.
 */
@Component
public class ArticleFinder {
    private static final String HEADLINE_OPTIONS =
            "MaxWords=30, MinWords=12, MaxFragments=1, StartSel=\"\", StopSel=\"\"";

    private final JdbcClient jdbc;
    private final KnowledgeLinks links;

    ArticleFinder(JdbcClient jdbc, KnowledgeLinks links) {
        this.jdbc = jdbc;
        this.links = links;
    }

    public ArticlePage find(ArticleQuery query, @Nullable String cursor, int limit) {
        int offset = cursor == null ? 0 : decode(cursor);
        var where = new StringBuilder(" where a.archived = :archived");
        Visibility visibility = query.customers() ? Visibility.PUBLIC : query.visibility();
        if (visibility != null) where.append(" and a.visibility = :visibility");
        if (query.categoryId() != null) where.append(" and a.category_id = :category");
        String sql;
        if (query.searching()) {
            sql = """
                    with hits as (
                        select a.id, ts_rank(a.rank_search, query) as rank
                        from kb_article a, websearch_to_tsquery('english', :q) query""" + where + """
                     and a.search @@ query
                        order by rank desc, a.id desc
                        limit :limit offset :offset)
                    select a.id, a.slug, a.title, a.visibility, a.category_id, c.name as category_name, a.updated_at,
                           a.archived, ts_headline('english', left(a.body, 3000), websearch_to_tsquery('english', :q),
                                                   :options) as snippet
                    from hits h join kb_article a on a.id = h.id left join kb_category c on c.id = a.category_id
                    order by h.rank desc, h.id desc""";
        } else {
            sql = """
                    select a.id, a.slug, a.title, a.visibility, a.category_id, c.name as category_name, a.updated_at,
                           a.archived, left(a.body, 600) as snippet
                    from kb_article a left join kb_category c on c.id = a.category_id""" + where + " order by a.updated_at desc, a.id desc limit :limit offset :offset";
        }
        var spec = jdbc.sql(sql)
                .param("archived", query.archived() && !query.customers())
                .param("limit", limit + 1)
                .param("offset", offset);
        if (visibility != null) spec = spec.param("visibility", visibility.name());
        if (query.categoryId() != null) spec = spec.param("category", query.categoryId());
        String q = query.q();
        if (query.searching() && q != null) spec = spec.param("q", q.strip()).param("options", HEADLINE_OPTIONS);
        List<ArticleSummary> rows = spec.query(this::summary).list();
        if (rows.size() <= limit) return new ArticlePage(rows, null);
        return new ArticlePage(List.copyOf(rows.subList(0, limit)), encode(offset + limit));
    }

    private ArticleSummary summary(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        String slug = rs.getString("slug");
        var visibility = Visibility.valueOf(rs.getString("visibility"));
        boolean archived = rs.getBoolean("archived");
        return new ArticleSummary(
                id,
                slug,
                rs.getString("title"),
                visibility,
                rs.getObject("category_id", Long.class),
                rs.getString("category_name"),
                rs.getTimestamp("updated_at").toInstant(),
                archived,
                Snippets.plain(rs.getString("snippet")),
                visibility == Visibility.PUBLIC && !archived ? links.publicUrl(slug) : null,
                links.agentUrl(id));
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("o:")) throw new IllegalArgumentException(raw);
            int offset = Integer.parseInt(raw.substring(2));
            if (offset < 0) throw new IllegalArgumentException(raw);
            return offset;
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("cursor", "is not a cursor this API returned");
        }
    }
}

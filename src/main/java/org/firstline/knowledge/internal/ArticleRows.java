package org.firstline.knowledge.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.firstline.knowledge.ArticleVersion;
import org.firstline.knowledge.ArticleView;
import org.firstline.knowledge.Visibility;
import org.springframework.stereotype.Component;

/** The one select list for an article and its versions, with the names of the agents and the category. */
@Component
public class ArticleRows {
    public static final String SELECT = """
            select a.id, a.slug, a.title, a.body, a.visibility, a.category_id, c.name as category_name,
                   a.author_id, au.display_name as author_name, a.updated_by_id, ub.display_name as updated_by_name,
                   a.created_at, a.updated_at, a.version, a.archived
            from kb_article a
            left join kb_category c on c.id = a.category_id
            join agent au on au.id = a.author_id
            join agent ub on ub.id = a.updated_by_id
            """;

    public static final String SELECT_VERSION = """
            select v.article_id, v.version, v.title, v.body, v.visibility, v.category_id, c.name as category_name,
                   v.edited_by_id, e.display_name as edited_by_name, v.edited_at
            from kb_article_version v
            left join kb_category c on c.id = v.category_id
            join agent e on e.id = v.edited_by_id
            """;

    private final KnowledgeLinks links;

    ArticleRows(KnowledgeLinks links) {
        this.links = links;
    }

    public KnowledgeLinks links() {
        return links;
    }

    public ArticleView article(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        String slug = rs.getString("slug");
        var visibility = Visibility.valueOf(rs.getString("visibility"));
        boolean archived = rs.getBoolean("archived");
        return new ArticleView(
                id,
                slug,
                rs.getString("title"),
                rs.getString("body"),
                visibility,
                rs.getObject("category_id", Long.class),
                rs.getString("category_name"),
                rs.getLong("author_id"),
                rs.getString("author_name"),
                rs.getLong("updated_by_id"),
                rs.getString("updated_by_name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"),
                archived,
                visibility == Visibility.PUBLIC && !archived ? links.publicUrl(slug) : null,
                links.agentUrl(id));
    }

    public static ArticleVersion version(ResultSet rs, int n) throws SQLException {
        return new ArticleVersion(
                rs.getLong("article_id"),
                rs.getInt("version"),
                rs.getString("title"),
                rs.getString("body"),
                Visibility.valueOf(rs.getString("visibility")),
                rs.getObject("category_id", Long.class),
                rs.getString("category_name"),
                rs.getLong("edited_by_id"),
                rs.getString("edited_by_name"),
                rs.getTimestamp("edited_at").toInstant());
    }
}

package org.firstline.knowledge;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.firstline.knowledge.internal.ArticleChecks;
import org.firstline.knowledge.internal.ArticleFinder;
import org.firstline.knowledge.internal.ArticleRows;
import org.firstline.knowledge.internal.KnowledgeLinks;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base's articles. Every save keeps a version; an update names the version it started from and is
 * refused (409) when someone saved a newer one meanwhile. Archived articles leave searches and the public pages but keep
 * their address, history and links.
 */
@Service
public class Articles {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ArticleRows rows;
    private final ArticleFinder finder;
    private final ApplicationEventPublisher events;

    Articles(JdbcClient jdbc, Clock clock, ArticleRows rows, ArticleFinder finder, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.rows = rows;
        this.finder = finder;
        this.events = events;
    }

    @Transactional
    public ArticleView create(ArticleForm form, AgentPrincipal agent) {
        var valid = ArticleChecks.check(form);
        checkCategory(valid.categoryId());
        String slug = form.slug() == null || form.slug().isBlank()
                ? freeSlug(ArticleChecks.slugOf(valid.title()))
                : takenOrNot(ArticleChecks.chosenSlug(form.slug()));
        var now = Timestamp.from(clock.instant());
        long id;
        try {
            id = insert(valid, slug, agent, now);
        } catch (DuplicateKeyException e) {
            // another article took the address between the check and the insert
            throw new ConflictException("The address /kb/" + slug + " is taken by another article.");
        }
        keepVersion(id);
        events.publishEvent(new ArticleChanged(id));
        return get(id);
    }

    private long insert(ArticleChecks.Valid valid, String slug, AgentPrincipal agent, Timestamp now) {
        return jdbc.sql("""
                        insert into kb_article (slug, title, body, visibility, category_id, author_id, updated_by_id,
                                                created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        slug,
                        valid.title(),
                        valid.body(),
                        valid.visibility().name(),
                        valid.categoryId(),
                        agent.id(),
                        agent.id(),
                        now,
                        now)
                .query(Long.class)
                .single();
    }

    @Transactional
    public ArticleView update(long id, ArticleForm form, AgentPrincipal agent) {
        if (form.version() == null) {
            throw new InvalidRequestException("version", "is required: the version the edit started from");
        }
        var valid = ArticleChecks.check(form);
        var current = get(id);
        if (form.slug() != null
                && !form.slug().isBlank()
                && !form.slug().strip().equals(current.slug())) {
            throw new InvalidRequestException("slug", "stays as it was made: links to the article use it");
        }
        if (current.archived()) throw new ConflictException("Article " + id + " is archived; restore it to edit it.");
        if (current.version() != form.version()) throw stale(current);
        checkCategory(valid.categoryId());
        if (current.title().equals(valid.title())
                && current.body().equals(valid.body())
                && current.visibility() == valid.visibility()
                && java.util.Objects.equals(current.categoryId(), valid.categoryId())) {
            return current; // nothing changed: no new version
        }
        int changed = jdbc.sql("""
                        update kb_article set title = ?, body = ?, visibility = ?, category_id = ?, updated_by_id = ?,
                                              updated_at = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(
                        valid.title(),
                        valid.body(),
                        valid.visibility().name(),
                        valid.categoryId(),
                        agent.id(),
                        Timestamp.from(clock.instant()),
                        id,
                        form.version())
                .update();
        if (changed == 0) throw stale(get(id));
        keepVersion(id);
        events.publishEvent(new ArticleChanged(id));
        return get(id);
    }

    /** Off the searches and the public page; the address answers 404 like one that never existed. */
    @Transactional
    public ArticleView archive(long id, AgentPrincipal agent) {
        return setArchived(id, true, agent);
    }

    @Transactional
    public ArticleView restore(long id, AgentPrincipal agent) {
        return setArchived(id, false, agent);
    }

    public ArticleView get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No article " + id));
    }

    public Optional<ArticleView> find(long id) {
        return jdbc.sql(ArticleRows.SELECT + " where a.id = ?")
                .param(id)
                .query(rows::article)
                .optional();
    }

    public ArticleView bySlug(String slug) {
        return jdbc.sql(ArticleRows.SELECT + " where a.slug = ?")
                .param(slug)
                .query(rows::article)
                .optional()
                .orElseThrow(() -> new NotFoundException("No article " + slug));
    }

    /** The article customers may read at this address: public and not archived; otherwise none, whatever the reason. */
    public Optional<ArticleView> forCustomers(String slug) {
        return jdbc.sql(ArticleRows.SELECT + " where a.slug = ? and a.visibility = 'PUBLIC' and not a.archived")
                .param(slug)
                .query(rows::article)
                .optional();
    }

    /** Public addresses of those of the articles customers may read now; the others are left out. */
    public Map<Long, String> publicUrls(Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return jdbc
                .sql("select id, slug from kb_article where id = any(?) and visibility = 'PUBLIC' and not archived")
                .param(ids.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("slug")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> links().publicUrl(e.getValue())));
    }

    public ArticlePage search(ArticleQuery query, @Nullable String cursor, int limit) {
        return finder.find(query, cursor, limit);
    }

    public List<ArticleVersion> versions(long id) {
        get(id);
        return jdbc.sql(ArticleRows.SELECT_VERSION + " where v.article_id = ? order by v.version desc")
                .param(id)
                .query(ArticleRows::version)
                .list();
    }

    public ArticleVersion version(long id, int version) {
        get(id);
        return jdbc.sql(ArticleRows.SELECT_VERSION + " where v.article_id = ? and v.version = ?")
                .params(id, version)
                .query(ArticleRows::version)
                .optional()
                .orElseThrow(() -> new NotFoundException("Article " + id + " has no version " + version));
    }

    /** Where customers read the article: {@code <firstline.public-url>/kb/<slug>}. */
    public String publicUrl(ArticleView article) {
        return links().publicUrl(article.slug());
    }

    private KnowledgeLinks links() {
        return rows.links();
    }

    private ArticleView setArchived(long id, boolean archived, AgentPrincipal agent) {
        var current = get(id);
        if (current.archived() == archived) return current;
        jdbc.sql("update kb_article set archived = ?, updated_by_id = ?, updated_at = ? where id = ?")
                .params(archived, agent.id(), Timestamp.from(clock.instant()), id)
                .update();
        events.publishEvent(new ArticleChanged(id));
        return get(id);
    }

    private void keepVersion(long id) {
        jdbc.sql("""
                        insert into kb_article_version (article_id, version, title, body, visibility, category_id,
                                                        edited_by_id, edited_at)
                        select id, version, title, body, visibility, category_id, updated_by_id, updated_at
                        from kb_article where id = ?""").param(id).update();
    }

    private void checkCategory(@Nullable Long categoryId) {
        if (categoryId == null) return;
        boolean known = jdbc.sql("select count(*) from kb_category where id = ?")
                        .param(categoryId)
                        .query(Integer.class)
                        .single()
                > 0;
        if (!known) throw new InvalidRequestException("categoryId", "is not a category: " + categoryId);
    }

    private String takenOrNot(String slug) {
        if (slugTaken(slug)) throw new ConflictException("The address /kb/" + slug + " is taken by another article.");
        return slug;
    }

    /** The slug, or the first of slug-2, slug-3, … no article has. */
    private String freeSlug(String base) {
        if (!slugTaken(base)) return base;
        List<String> taken = jdbc.sql("select slug from kb_article where slug like ?")
                .param(base + "-%")
                .query((rs, n) -> rs.getString(1))
                .list();
        int n = 2;
        while (taken.contains(base + "-" + n)) n++;
        return base + "-" + n;
    }

    private boolean slugTaken(String slug) {
        return jdbc.sql("select count(*) from kb_article where slug = ?")
                        .param(slug)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static ConflictException stale(ArticleView current) {
        return new ConflictException("Article " + current.id() + " was changed meanwhile: version " + current.version()
                + " by " + current.updatedByName()
                + " is newer than the one edited. Reload it and apply the edit again.");
    }
}

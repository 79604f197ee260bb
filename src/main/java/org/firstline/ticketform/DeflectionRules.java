package org.firstline.ticketform;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.firstline.knowledge.ArticleChanged;
import org.firstline.knowledge.Articles;
import org.firstline.knowledge.Visibility;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.LiveChannel;
import org.firstline.platform.NotFoundException;
import org.firstline.ticketform.internal.RuleMatcher;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deflection rules, kept in the database and held compiled in memory on every node: the form asks for
 * suggestions on every pause in typing, so matching must not wait on a query. A change is announced on the live
 * channel and every node reads the rules again; until then a node answers from the rules it has. A rule linking a
 * knowledge base article suggests it only while customers may read it (public, not archived): a change of the article
 * makes every node read the rules again too.
 */
@Service
public class DeflectionRules {
    static final String EVENT = "deflection";
    private static final Logger log = LoggerFactory.getLogger(DeflectionRules.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LiveChannel live;
    private final Articles articles;
    private volatile Set<Long> linkedArticles = Set.of();
    private final AtomicBoolean reloading = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile RuleMatcher matcher = new RuleMatcher(List.of());

    DeflectionRules(JdbcClient jdbc, Clock clock, LiveChannel live, Articles articles) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.live = live;
        this.articles = articles;
        reload();
        live.listen(payload -> {
            if (payload.startsWith(EVENT + ":")) reloadSoon();
        });
    }

    public List<DeflectionRule> list() {
        return jdbc.sql("select * from deflection_rule order by id")
                .query(DeflectionRules::rule)
                .list();
    }

    public DeflectionRule get(long id) {
        return jdbc.sql("select * from deflection_rule where id = ?")
                .param(id)
                .query(DeflectionRules::rule)
                .optional()
                .orElseThrow(() -> new NotFoundException("No deflection rule " + id));
    }

    @Transactional
    public DeflectionRule create(DeflectionRuleForm form) {
        var valid = checked(form);
        var now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                insert into deflection_rule (phrases, kind, title, url, article_id, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        valid.phrases().toArray(String[]::new),
                        valid.kind().name(),
                        valid.title(),
                        valid.url(),
                        valid.articleId(),
                        now,
                        now)
                .query(Long.class)
                .single();
        live.announce(EVENT, id);
        return get(id);
    }

    @Transactional
    public DeflectionRule update(long id, DeflectionRuleForm form) {
        get(id);
        var valid = checked(form);
        jdbc.sql("""
                update deflection_rule set phrases = ?, kind = ?, title = ?, url = ?, article_id = ?, updated_at = ?
                where id = ?""")
                .params(
                        valid.phrases().toArray(String[]::new),
                        valid.kind().name(),
                        valid.title(),
                        valid.url(),
                        valid.articleId(),
                        Timestamp.from(clock.instant()),
                        id)
                .update();
        live.announce(EVENT, id);
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        if (jdbc.sql("delete from deflection_rule where id = ?").param(id).update() == 0) {
            throw new NotFoundException("No deflection rule " + id);
        }
        live.announce(EVENT, id);
    }

    /** What the rules held in memory suggest for the text typed so far; never touches the database. */
    public List<Suggestion> suggest(String text, String email, String subject) {
        return matcher.suggest(text, email, subject);
    }

    /** Reads the rules now; on failure the rules held stay. */
    public boolean reload() {
        try {
            var all = list();
            var linked = all.stream()
                    .map(DeflectionRule::articleId)
                    .filter(Objects::nonNull)
                    .collect(java.util.stream.Collectors.toSet());
            Map<Long, String> readable = articles.publicUrls(linked);
            matcher = new RuleMatcher(all.stream()
                    .filter(r -> r.articleId() == null || readable.containsKey(r.articleId()))
                    .map(r -> r.articleId() == null ? r : withUrl(r, readable.get(r.articleId())))
                    .toList());
            linkedArticles = Set.copyOf(linked);
            return true;
        } catch (RuntimeException e) {
            log.warn("Deflection rules not read again; the form keeps suggesting from the rules it had", e);
            return false;
        }
    }

    /** An article a rule links was saved, archived or restored: every node reads the rules again at commit. */
    @EventListener
    void articleChanged(ArticleChanged changed) {
        if (linkedArticles.contains(changed.articleId())) live.announce(EVENT, 0);
    }

    private static DeflectionRule withUrl(DeflectionRule r, @Nullable String url) {
        return new DeflectionRule(
                r.id(),
                r.phrases(),
                r.kind(),
                r.title(),
                url == null ? r.url() : url,
                r.articleId(),
                r.createdAt(),
                r.updatedAt());
    }

    /** Off the listening thread, one reading at a time: a burst of changes costs one or two readings. */
    private void reloadSoon() {
        again.set(true);
        if (!reloading.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("deflection-rules").start(() -> {
            try {
                while (again.getAndSet(false)) reload();
            } finally {
                reloading.set(false);
                if (again.get()) reloadSoon();
            }
        });
    }

    private record Valid(
            List<String> phrases,
            DeflectionRule.Kind kind,
            String title,
            String url,
            @Nullable Long articleId) {}

    /** An article rule linking an article takes its public address; one customers cannot read is refused. */
    private Valid checked(DeflectionRuleForm form) {
        Long articleId = form.articleId();
        if (articleId == null) return check(form);
        if (form.kind() != DeflectionRule.Kind.ARTICLE) {
            throw new InvalidRequestException("articleId", "only an ARTICLE rule links an article");
        }
        var article = articles.find(articleId)
                .orElseThrow(() -> new InvalidRequestException("articleId", "is not an article: " + articleId));
        if (article.visibility() != Visibility.PUBLIC) {
            throw new InvalidRequestException(
                    "articleId", "is an internal article: customers cannot read it; make it public first");
        }
        if (article.archived()) {
            throw new InvalidRequestException("articleId", "is archived: customers cannot read it; restore it first");
        }
        String title = form.title() == null || form.title().isBlank() ? article.title() : form.title();
        var valid = check(new DeflectionRuleForm(form.phrases(), form.kind(), title, articles.publicUrl(article)));
        return new Valid(valid.phrases(), valid.kind(), valid.title(), valid.url(), articleId);
    }

    static Valid check(DeflectionRuleForm form) {
        if (form.phrases() == null || form.phrases().isEmpty()) {
            throw new InvalidRequestException("phrases", "give at least one word or phrase");
        }
        var phrases = new LinkedHashSet<String>();
        for (String phrase : form.phrases()) {
            String p = phrase == null ? "" : phrase.strip().replaceAll("\\s+", " ");
            if (p.isEmpty()) throw new InvalidRequestException("phrases", "must not contain a blank phrase");
            if (p.length() > 100) throw new InvalidRequestException("phrases", "a phrase is at most 100 characters");
            // phrases are words customers type; markup in one is a mistake or a probe, never a word to match
            if (p.indexOf('<') >= 0 || p.indexOf('>') >= 0) {
                throw new InvalidRequestException("phrases", "must be words, not markup: < and > are not allowed");
            }
            phrases.add(p.toLowerCase(Locale.ROOT));
        }
        if (phrases.size() > 50) throw new InvalidRequestException("phrases", "at most 50 phrases per rule");
        if (form.kind() == null) throw new InvalidRequestException("kind", "is required: ARTICLE or TOOL");
        String title = form.title() == null ? "" : form.title().strip();
        if (title.isEmpty()) throw new InvalidRequestException("title", "is required");
        if (title.length() > 200) throw new InvalidRequestException("title", "must be at most 200 characters");
        String url = form.url() == null ? "" : form.url().strip();
        if (url.isEmpty()) throw new InvalidRequestException("url", "is required");
        if (url.length() > 2000) throw new InvalidRequestException("url", "must be at most 2000 characters");
        String unknown = RuleMatcher.unknownPlaceholder(url);
        if (unknown != null) {
            throw new InvalidRequestException(
                    "url",
                    "has an unknown placeholder " + unknown + "; use " + String.join(", ", RuleMatcher.PLACEHOLDERS));
        }
        try {
            URI uri = new URI(RuleMatcher.sample(url));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidRequestException("url", "must be an http or https address");
            }
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("url", "is not a valid address");
        }
        return new Valid(new ArrayList<>(phrases), form.kind(), title, url, null);
    }

    private static DeflectionRule rule(ResultSet rs, int n) throws SQLException {
        Array phrases = rs.getArray("phrases");
        return new DeflectionRule(
                rs.getLong("id"),
                List.of((String[]) phrases.getArray()),
                DeflectionRule.Kind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("url"),
                rs.getObject("article_id", Long.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}

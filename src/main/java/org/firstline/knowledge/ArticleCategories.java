package org.firstline.knowledge;

import java.util.List;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base's categories, listed by position then name. "Runbooks" is there from the start and stays: alerts
 * link the runbooks in it.
 */
@Service
public class ArticleCategories {
    public static final String RUNBOOKS = "Runbooks";

    private final JdbcClient jdbc;

    ArticleCategories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every category, counting the articles agents see (not archived). */
    public List<CategoryView> list() {
        return jdbc.sql("""
                        select c.id, c.name, c.position, count(a.id) as articles
                        from kb_category c left join kb_article a on a.category_id = c.id and not a.archived
                        group by c.id order by c.position, lower(c.name)""")
                .query((rs, n) -> new CategoryView(
                        rs.getLong("id"), rs.getString("name"), rs.getInt("position"), rs.getInt("articles")))
                .list();
    }

    /** The categories that hold something customers may read, counting only that. */
    public List<CategoryView> forCustomers() {
        return jdbc.sql("""
                        select c.id, c.name, c.position, count(*) as articles
                        from kb_category c join kb_article a on a.category_id = c.id
                        where a.visibility = 'PUBLIC' and not a.archived
                        group by c.id order by c.position, lower(c.name)""")
                .query((rs, n) -> new CategoryView(
                        rs.getLong("id"), rs.getString("name"), rs.getInt("position"), rs.getInt("articles")))
                .list();
    }

    public CategoryView get(long id) {
        return list().stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No category " + id));
    }

    public CategoryView runbooks() {
        return list().stream()
                .filter(c -> c.name().equals(RUNBOOKS))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No category " + RUNBOOKS));
    }

    @Transactional
    public CategoryView create(CategoryForm form) {
        var valid = check(form);
        try {
            long id = jdbc.sql("insert into kb_category (name, position) values (?, ?) returning id")
                    .params(valid.name(), valid.position())
                    .query(Long.class)
                    .single();
            return get(id);
        } catch (DuplicateKeyException e) {
            throw taken(valid.name());
        }
    }

    @Transactional
    public CategoryView update(long id, CategoryForm form) {
        var current = get(id);
        var valid = check(form);
        if (current.name().equals(RUNBOOKS) && !valid.name().equals(RUNBOOKS)) {
            throw new ConflictException("The Runbooks category keeps its name: alerts link the runbooks in it.");
        }
        try {
            jdbc.sql("update kb_category set name = ?, position = ? where id = ?")
                    .params(valid.name(), valid.position(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw taken(valid.name());
        }
        return get(id);
    }

    /** Only an empty category goes (archived articles count: they keep their category). */
    @Transactional
    public void delete(long id) {
        var current = get(id);
        if (current.name().equals(RUNBOOKS)) {
            throw new ConflictException("The Runbooks category stays: alerts link the runbooks in it.");
        }
        int used = jdbc.sql("select count(*) from kb_article where category_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
        if (used > 0) {
            throw new ConflictException("Category " + current.name() + " still holds " + used
                    + " article(s), archived ones included; move them first.");
        }
        jdbc.sql("delete from kb_category where id = ?").param(id).update();
    }

    private record Valid(String name, int position) {}

    private static Valid check(CategoryForm form) {
        String name = form.name() == null ? "" : form.name().strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) throw new InvalidRequestException("name", "is required");
        if (name.length() > 100) throw new InvalidRequestException("name", "must be at most 100 characters");
        int position = form.position() == null ? 0 : form.position();
        if (position < 0) throw new InvalidRequestException("position", "must be 0 or more");
        return new Valid(name, position);
    }

    private static ConflictException taken(String name) {
        return new ConflictException("A category named " + name + " exists already.");
    }
}

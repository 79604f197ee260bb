package org.firstline.ticket;

import java.util.List;
import java.util.Locale;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admin-kept list of labels tickets may carry. */
@Service
public class LabelService {
    private final JdbcClient jdbc;

    LabelService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<LabelView> list() {
        return jdbc.sql("select id, name, color from label order by name")
                .query((rs, n) -> new LabelView(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Transactional
    public LabelView create(String name, @Nullable String color) {
        String clean = checkName(name);
        String hex = checkColor(color == null ? "#6b7280" : color);
        try {
            long id = jdbc.sql("insert into label (name, color) values (?, ?) returning id")
                    .params(clean, hex)
                    .query(Long.class)
                    .single();
            return new LabelView(id, clean, hex);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("The label '" + clean + "' already exists.");
        }
    }

    @Transactional
    public LabelView update(long id, String name, String color) {
        var current = list().stream()
                .filter(l -> l.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Label " + id + " does not exist."));
        String clean = name == null ? current.name() : checkName(name);
        String hex = color == null ? current.color() : checkColor(color);
        try {
            jdbc.sql("update label set name = ?, color = ? where id = ?")
                    .params(clean, hex, id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("The label '" + clean + "' already exists.");
        }
        return new LabelView(id, clean, hex);
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 60) {
            throw new InvalidRequestException("name", "must be 1 to 60 characters");
        }
        return name.strip();
    }

    private static String checkColor(String color) {
        if (!color.matches("^#[0-9a-fA-F]{6}$")) {
            throw new InvalidRequestException("color", "must be a hex colour like #3b82f6");
        }
        return color.toLowerCase(Locale.ROOT);
    }
}

package org.firstline.triage;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.firstline.directory.TeamService;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.triage.internal.OwnershipMatcher;
import org.firstline.triage.internal.Words;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ownership map: which team owns which support areas, as weighted keywords, phrases and patterns. */
@Service
public class OwnershipMap {
    private static final String SELECT = "select id, team_id, kind, term, weight from ownership_rule";
    /** Another node's edits are seen within this long; this node's at once. */
    private static final long RELOAD_NANOS = 5_000_000_000L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TeamService teams;
    private volatile @Nullable OwnershipMatcher matcher;
    private volatile long loadedAt;

    OwnershipMap(JdbcClient jdbc, Clock clock, TeamService teams) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.teams = teams;
    }

    public List<OwnershipRule> list() {
        return jdbc.sql(SELECT + " order by team_id, weight desc, lower(term)")
                .query(OwnershipMap::rule)
                .list();
    }

    public OwnershipRule get(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(OwnershipMap::rule)
                .optional()
                .orElseThrow(() -> new NotFoundException("Ownership rule " + id + " does not exist."));
    }

    @Transactional
    public OwnershipRule add(OwnershipRuleForm form) {
        check(form);
        try {
            long id = jdbc.sql(
                            "insert into ownership_rule (team_id, kind, term, weight, created_at) values (?, ?, ?, ?, ?) returning id")
                    .params(
                            form.teamId(),
                            form.kind().name(),
                            form.term().strip(),
                            weight(form),
                            Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
            invalidate();
            return get(id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "The team already has the " + form.kind().name().toLowerCase(Locale.ROOT) + " '"
                            + form.term().strip() + "'.");
        }
    }

    @Transactional
    public OwnershipRule update(long id, OwnershipRuleForm form) {
        get(id);
        check(form);
        try {
            jdbc.sql("update ownership_rule set team_id = ?, kind = ?, term = ?, weight = ? where id = ?")
                    .params(form.teamId(), form.kind().name(), form.term().strip(), weight(form), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "The team already has the " + form.kind().name().toLowerCase(Locale.ROOT) + " '"
                            + form.term().strip() + "'.");
        }
        invalidate();
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        if (jdbc.sql("delete from ownership_rule where id = ?").param(id).update() == 0) {
            throw new NotFoundException("Ownership rule " + id + " does not exist.");
        }
        invalidate();
    }

    /** The compiled map, reloaded when this node changed it or a few seconds after another node may have. */
    public OwnershipMatcher matcher() {
        OwnershipMatcher current = matcher;
        if (current == null || System.nanoTime() - loadedAt > RELOAD_NANOS) {
            current = new OwnershipMatcher(list());
            matcher = current;
            loadedAt = System.nanoTime();
        }
        return current;
    }

    private void invalidate() {
        matcher = null;
    }

    private void check(OwnershipRuleForm form) {
        if (teams.find(form.teamId()).isEmpty()) {
            throw new InvalidRequestException("teamId", "no team with id " + form.teamId());
        }
        String term = form.term().strip();
        switch (form.kind()) {
            case PATTERN -> {
                try {
                    Pattern.compile(term);
                } catch (PatternSyntaxException e) {
                    throw new InvalidRequestException(
                            "term", "is not a valid regular expression: " + e.getDescription());
                }
            }
            case KEYWORD -> {
                if (Words.of(term).size() != 1) {
                    throw new InvalidRequestException(
                            "term",
                            "a keyword is one word that is not a common English word; use a phrase for several");
                }
            }
            case PHRASE -> {
                if (Words.of(term).isEmpty()) {
                    throw new InvalidRequestException("term", "has no words that are not common English words");
                }
            }
        }
    }

    private static int weight(OwnershipRuleForm form) {
        return form.weight() == null ? 1 : form.weight();
    }

    private static OwnershipRule rule(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OwnershipRule(
                rs.getLong("id"),
                rs.getLong("team_id"),
                RuleKind.valueOf(rs.getString("kind")),
                rs.getString("term"),
                rs.getInt("weight"));
    }
}

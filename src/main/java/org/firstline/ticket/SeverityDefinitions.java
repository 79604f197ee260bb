package org.firstline.ticket;

import java.util.Arrays;
import java.util.List;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What priorities and impacts mean, per plan, and what "critical" means for everyone. The database function
 * {@code impact_is_critical} holds the same rule for SQL, reading the same row.
 */
@Service
public class SeverityDefinitions {
    private static final String PRIORITY = "PRIORITY";
    private static final String IMPACT = "IMPACT";
    private final JdbcClient jdbc;

    SeverityDefinitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CriticalDefinition critical() {
        return jdbc.sql("select minimum_impact, meaning from critical_definition")
                .query((rs, n) -> new CriticalDefinition(Impact.valueOf(rs.getString(1)), rs.getString(2)))
                .single();
    }

    @Transactional
    public CriticalDefinition defineCritical(@Nullable Impact minimumImpact, @Nullable String meaning) {
        if (minimumImpact == null || minimumImpact == Impact.NONE) {
            throw new InvalidRequestException(
                    "minimumImpact", "must be one of MINOR, DEGRADED, MAJOR, OUTAGE, DATA_LOSS");
        }
        String words = words(meaning);
        jdbc.sql("update critical_definition set minimum_impact = ?, meaning = ?")
                .params(minimumImpact.name(), words)
                .update();
        return critical();
    }

    /** Priority levels, most urgent first, in the plan's words where it has them. */
    public List<SeverityMeaning> priorities(@Nullable Long planId) {
        return meanings(
                planId,
                PRIORITY,
                Arrays.stream(Priority.values()).map(Enum::name).toList().reversed());
    }

    /** Impact levels, worst first, in the plan's words where it has them. */
    public List<SeverityMeaning> impacts(@Nullable Long planId) {
        return meanings(
                planId,
                IMPACT,
                Arrays.stream(Impact.values()).map(Enum::name).toList().reversed());
    }

    /** Writes the plan's own meaning of a level (no plan: everyone's default); a blank meaning falls back to the default. */
    @Transactional
    public void define(@Nullable Long planId, String scale, String level, String meaning) {
        String checkedScale = checkScale(scale);
        String checkedLevel = checkLevel(checkedScale, level);
        if (planId != null && (meaning == null || meaning.isBlank())) {
            jdbc.sql("delete from severity_meaning where plan_id = ? and scale = ? and level = ?")
                    .params(planId, checkedScale, checkedLevel)
                    .update();
            return;
        }
        if (planId != null
                && jdbc.sql("select count(*) from support_plan where id = ?")
                                .param(planId)
                                .query(Integer.class)
                                .single()
                        == 0) {
            throw new InvalidRequestException("planId", "no such plan");
        }
        jdbc.sql("""
                insert into severity_meaning (plan_id, scale, level, meaning) values (?, ?, ?, ?)
                on conflict (coalesce(plan_id, 0), scale, level) do update set meaning = excluded.meaning""").params(planId, checkedScale, checkedLevel, words(meaning)).update();
    }

    private List<SeverityMeaning> meanings(@Nullable Long planId, String scale, List<String> order) {
        var rows = jdbc.sql("""
                select distinct on (level) level, meaning, plan_id is not null as own from severity_meaning
                where scale = ? and (plan_id is null or plan_id = ?) order by level, plan_id nulls last""")
                .params(scale, planId)
                .query((rs, n) -> new SeverityMeaning(scale, rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
        return order.stream()
                .map(level -> rows.stream()
                        .filter(r -> r.level().equals(level))
                        .findFirst()
                        .orElse(new SeverityMeaning(scale, level, "", false)))
                .toList();
    }

    private static String checkScale(@Nullable String scale) {
        if (PRIORITY.equals(scale)) return PRIORITY;
        if (IMPACT.equals(scale)) return IMPACT;
        throw new InvalidRequestException("scale", "must be PRIORITY or IMPACT");
    }

    private static String checkLevel(String scale, @Nullable String level) {
        var levels = PRIORITY.equals(scale)
                ? Arrays.stream(Priority.values()).map(Enum::name).toList()
                : Arrays.stream(Impact.values()).map(Enum::name).toList();
        if (level != null && levels.contains(level)) return level;
        throw new InvalidRequestException("level", "must be one of " + String.join(", ", levels));
    }

    private static String words(@Nullable String meaning) {
        if (meaning == null || meaning.isBlank())
            throw new InvalidRequestException("meaning", "is required: say what the level means");
        String clean = meaning.strip();
        if (clean.length() > 2000) throw new InvalidRequestException("meaning", "must be at most 2000 characters");
        return clean;
    }
}

package org.firstline.moving.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.firstline.directory.AgentView;
import org.firstline.moving.OpsgenieExport;
import org.jspecify.annotations.Nullable;

/**
 * What one import run knows: the agents by email (Opsgenie usernames are emails), the rotas each schedule became, and
 * the warnings gathered on the way, each said once.
 */
public final class ImportContext {
    public final boolean dryRun;
    public final String actor;
    private final Map<String, AgentView> agents = new HashMap<>();
    private final Map<String, String> fullNames = new HashMap<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    /** schedule name (lower case) → Opsgenie rotation name → Firstline rotation id */
    private final Map<String, Map<String, Long>> rotas = new LinkedHashMap<>();

    private final Map<String, Long> teams = new HashMap<>();

    public ImportContext(
            boolean dryRun,
            String actor,
            List<AgentView> agents,
            List<org.firstline.directory.TeamView> teams,
            List<OpsgenieExport.User> users) {
        this.dryRun = dryRun;
        this.actor = actor;
        for (var t : teams) this.teams.putIfAbsent(t.name().strip().toLowerCase(Locale.ROOT), t.id());
        for (var a : agents) {
            if (a.email() != null) this.agents.put(a.email().strip().toLowerCase(Locale.ROOT), a);
        }
        for (var u : users) {
            if (u.username() != null && u.fullName() != null) {
                fullNames.put(u.username().strip().toLowerCase(Locale.ROOT), u.fullName());
            }
        }
    }

    /** The team of that name (any case), or null: teams are matched, never invented. */
    public @Nullable Long teamId(OpsgenieExport.@Nullable Ref team) {
        if (team == null || team.name() == null) return null;
        return teams.get(team.name().strip().toLowerCase(Locale.ROOT));
    }

    public String created() {
        return dryRun ? "will be created" : "created";
    }

    /** The agent for an Opsgenie user, or null with a warning: people are matched, never invented. */
    public @Nullable AgentView agent(@Nullable String username, String where) {
        if (username == null || username.isBlank()) {
            warn(where + ": a user without a username is left out");
            return null;
        }
        String key = username.strip().toLowerCase(Locale.ROOT);
        var agent = agents.get(key);
        if (agent == null) {
            String name = fullNames.get(key);
            warn("Unknown user " + username.strip() + (name == null ? "" : " (" + name + ")")
                    + ": no agent has that email; add them and import again (" + where + ")");
        }
        return agent;
    }

    public void warn(String warning) {
        warnings.add(warning);
    }

    public List<String> warnings() {
        return new ArrayList<>(warnings);
    }

    public void rota(String schedule, String rotation, long id) {
        rotas.computeIfAbsent(schedule.strip().toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>())
                .put(rotation, id);
    }

    /** How each escalation target is named in the report (ids are not shown in a dry run). */
    public final Map<Object, String> labels = new HashMap<>();

    private final Map<Long, String> rotaNames = new HashMap<>();

    public void rotaName(long id, String name) {
        rotaNames.put(id, name);
    }

    public String rotaName(String schedule, String rotation) {
        Long id = rotas(schedule).get(rotation);
        return id == null ? schedule : rotaNames.getOrDefault(id, schedule);
    }

    /** The rotas a schedule became, by Opsgenie rotation name; empty if it became none. */
    public Map<String, Long> rotas(String schedule) {
        return rotas.getOrDefault(schedule.strip().toLowerCase(Locale.ROOT), Map.of());
    }
}

package org.firstline.oncall.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.firstline.directory.AgentService;
import org.firstline.oncall.EscalationTarget;
import org.firstline.rota.Duties;
import org.firstline.rota.Duty;
import org.firstline.rota.OnShift;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Who a step's targets are at an instant: the people on its rotas then, its people if active, its teams' channels. */
@Component
class PageTargets {
    record Recipients(Set<Long> agents, Set<Long> channels) {
        boolean empty() {
            return agents.isEmpty() && channels.isEmpty();
        }
    }

    private final Duties duties;
    private final AgentService agents;

    PageTargets(Duties duties, AgentService agents) {
        this.duties = duties;
        this.agents = agents;
    }

    Recipients at(List<EscalationTarget> targets, Instant at) {
        var people = new LinkedHashSet<Long>();
        var channels = new LinkedHashSet<Long>();
        for (var target : targets) {
            switch (target.kind()) {
                case ROTA -> {
                    // a rota deleted since the policy was written pages nobody: the step is empty, not an error
                    try {
                        duties.onShift(require(target.rotationId()), at).forEach(s -> people.add(s.agentId()));
                    } catch (org.firstline.platform.NotFoundException gone) {
                        // nothing to add
                    }
                }
                case AGENT ->
                    agents.find(require(target.agentId()))
                            .filter(a -> a.active())
                            .ifPresent(a -> people.add(a.id()));
                case TEAM_CHANNEL -> channels.add(require(target.teamId()));
            }
        }
        return new Recipients(people, channels);
    }

    /** First line now (the triage desk when a team has no first-line rota): who low-severity alerts go to. */
    Set<Long> firstLine(@Nullable Long teamId, Instant at) {
        var people = new LinkedHashSet<Long>();
        duties.on(Duty.FIRST_LINE, teamId, at).stream().map(OnShift::agentId).forEach(people::add);
        if (people.isEmpty())
            duties.on(Duty.TRIAGE_DESK, teamId, at).stream()
                    .map(OnShift::agentId)
                    .forEach(people::add);
        return people;
    }

    private static long require(@Nullable Long id) {
        return java.util.Objects.requireNonNull(id, "checked when the policy was saved");
    }
}

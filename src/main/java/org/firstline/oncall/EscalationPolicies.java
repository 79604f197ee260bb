package org.firstline.oncall;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.firstline.directory.AgentService;
import org.firstline.directory.TeamService;
import org.firstline.oncall.internal.PolicyStore;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.rota.Rotations;
import org.firstline.sla.CalendarService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Escalation policies as admins write them: checked whole, stored whole, so a half-written policy never pages. */
@Service
public class EscalationPolicies {
    static final int MAX_STEPS = 20;
    static final int MAX_TARGETS = 20;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PolicyStore store;
    private final References references;

    EscalationPolicies(
            JdbcClient jdbc,
            Clock clock,
            PolicyStore store,
            TeamService teams,
            AgentService agents,
            CalendarService calendars,
            Rotations rotations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.store = store;
        this.references = new References(teams, agents, calendars, rotations);
    }

    public List<EscalationPolicyView> list() {
        return store.list();
    }

    public EscalationPolicyView get(long id) {
        return store.get(id);
    }

    @Transactional
    public EscalationPolicyView create(EscalationPolicyForm form) {
        var checked = check(form, null);
        try {
            long id = jdbc.sql("""
                            insert into escalation_policy (name, description, team_id, calendar_id, repeat_count, created_at)
                            values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            checked.name(),
                            checked.description(),
                            checked.teamId(),
                            checked.calendarId(),
                            checked.repeatCount(),
                            Timestamp.from(clock.instant()))
                    .query((rs, n) -> rs.getLong(1))
                    .single();
            store.writeSteps(id, checked.steps());
            return store.get(id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("An escalation policy named \"" + checked.name() + "\" exists already.");
        }
    }

    /** Replaces the fields given; steps, when given, replace all steps. Open escalations go on by the new steps. */
    @Transactional
    public EscalationPolicyView update(long id, EscalationPolicyForm form) {
        var current = store.get(id);
        var checked = check(form, current);
        try {
            jdbc.sql("""
                            update escalation_policy set name = ?, description = ?, team_id = ?, calendar_id = ?, repeat_count = ?
                            where id = ?""")
                    .params(
                            checked.name(),
                            checked.description(),
                            checked.teamId(),
                            checked.calendarId(),
                            checked.repeatCount(),
                            id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("An escalation policy named \"" + checked.name() + "\" exists already.");
        }
        if (form.steps() != null) store.writeSteps(id, checked.steps());
        return store.get(id);
    }

    @Transactional
    public void delete(long id) {
        store.get(id);
        List<String> sources = jdbc.sql(
                        "select name from alert_source where escalation_policy_id = ? and deleted_at is null order by name")
                .param(id)
                .query((rs, n) -> rs.getString(1))
                .list();
        if (!sources.isEmpty()) {
            // a source left pointing at nothing would page nobody, silently
            throw new ConflictException("Alert sources page through this policy: " + String.join(", ", sources)
                    + ". Point them at another policy first.");
        }
        boolean used = jdbc.sql("select exists (select 1 from escalation where policy_id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
        if (used) {
            throw new ConflictException(
                    "This policy has escalated before; its history needs it. Change its steps instead.");
        }
        jdbc.sql("delete from escalation_policy where id = ?").param(id).update();
    }

    private EscalationPolicyView check(
            EscalationPolicyForm form, @org.jspecify.annotations.Nullable EscalationPolicyView current) {
        String name = form.name() != null ? form.name().strip() : current != null ? current.name() : "";
        if (name.isEmpty()) throw new InvalidRequestException("name", "is required");
        if (name.length() > 200) throw new InvalidRequestException("name", "must be at most 200 characters");
        String description =
                form.description() != null ? form.description().strip() : current != null ? current.description() : "";
        if (description.length() > 4000)
            throw new InvalidRequestException("description", "must be at most 4000 characters");
        Long teamId = form.teamId() != null ? form.teamId() : current != null ? current.teamId() : null;
        if (teamId != null) references.team("teamId", teamId);
        Long calendarId = form.calendarId() != null ? form.calendarId() : current != null ? current.calendarId() : null;
        if (calendarId != null) references.calendar("calendarId", calendarId);
        int repeat = form.repeatCount() != null ? form.repeatCount() : current != null ? current.repeatCount() : 0;
        if (repeat < 0 || repeat > 10) throw new InvalidRequestException("repeatCount", "must be between 0 and 10");
        List<EscalationStep> steps;
        if (form.steps() == null) {
            if (current == null) throw new InvalidRequestException("steps", "at least one step is required");
            steps = current.steps();
        } else {
            steps = steps(form.steps());
        }
        return new EscalationPolicyView(
                current == null ? 0 : current.id(), name, description, teamId, calendarId, repeat, steps);
    }

    private List<EscalationStep> steps(List<EscalationPolicyForm.StepForm> forms) {
        if (forms.isEmpty()) throw new InvalidRequestException("steps", "at least one step is required");
        if (forms.size() > MAX_STEPS) throw new InvalidRequestException("steps", "at most " + MAX_STEPS + " steps");
        var steps = new ArrayList<EscalationStep>();
        for (int i = 0; i < forms.size(); i++) {
            var form = forms.get(i);
            String field = "steps[" + i + "]";
            if (form == null) throw new InvalidRequestException(field, "is required");
            int delay = form.delayMinutes() == null ? 5 : form.delayMinutes();
            if (delay < 1 || delay > 1440) {
                throw new InvalidRequestException(field + ".delayMinutes", "must be between 1 and 1440");
            }
            var targets = form.targets() == null ? List.<EscalationTarget>of() : form.targets();
            if (targets.isEmpty())
                throw new InvalidRequestException(field + ".targets", "at least one target is required");
            if (targets.size() > MAX_TARGETS) {
                throw new InvalidRequestException(field + ".targets", "at most " + MAX_TARGETS + " targets");
            }
            for (int t = 0; t < targets.size(); t++) references.target(field + ".targets[" + t + "]", targets.get(t));
            steps.add(new EscalationStep(delay, List.copyOf(targets)));
        }
        return steps;
    }

    /** What a policy names must exist: a refusal says which field named what. */
    private record References(TeamService teams, AgentService agents, CalendarService calendars, Rotations rotations) {
        void team(String field, long id) {
            if (teams.find(id).isEmpty()) throw new InvalidRequestException(field, "no team with id " + id);
        }

        void calendar(String field, long id) {
            try {
                calendars.get(id);
            } catch (org.firstline.platform.NotFoundException e) {
                throw new InvalidRequestException(field, "no calendar with id " + id);
            }
        }

        void target(String field, EscalationTarget target) {
            if (target == null || target.kind() == null)
                throw new InvalidRequestException(field + ".kind", "is required");
            int named = (target.rotationId() == null ? 0 : 1)
                    + (target.agentId() == null ? 0 : 1)
                    + (target.teamId() == null ? 0 : 1);
            if (named > 1) {
                // a target is one rota, one person or one channel: a second id would be silently ignored
                throw new InvalidRequestException(field, "names one of rotationId, agentId or teamId, for its kind");
            }
            switch (target.kind()) {
                case ROTA -> {
                    if (target.rotationId() == null)
                        throw new InvalidRequestException(field + ".rotationId", "is required");
                    try {
                        rotations.get(target.rotationId());
                    } catch (org.firstline.platform.NotFoundException e) {
                        throw new InvalidRequestException(
                                field + ".rotationId", "no rota with id " + target.rotationId());
                    }
                }
                case AGENT -> {
                    if (target.agentId() == null) throw new InvalidRequestException(field + ".agentId", "is required");
                    var agent = agents.find(target.agentId())
                            .orElseThrow(() -> new InvalidRequestException(
                                    field + ".agentId", "no agent with id " + target.agentId()));
                    if (!agent.active())
                        throw new InvalidRequestException(field + ".agentId", agent.displayName() + " is deactivated");
                }
                case TEAM_CHANNEL -> {
                    if (target.teamId() == null) throw new InvalidRequestException(field + ".teamId", "is required");
                    team(field + ".teamId", target.teamId());
                }
            }
        }
    }
}

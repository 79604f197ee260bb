package org.firstline.moving.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.firstline.moving.ImportReport;
import org.firstline.moving.OpsgenieExport;
import org.firstline.oncall.EscalationPolicies;
import org.firstline.oncall.EscalationPolicyForm;
import org.firstline.oncall.EscalationTarget;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Opsgenie escalations become escalation policies. Opsgenie times each rule from the alert; a policy times each step
 * from the one before, so rules with the same delay share a step and a step waits until the next rule's delay.
 */
@Component
public class PolicyImport {
    static final int DEFAULT_WAIT = 5;

    private final EscalationPolicies policies;

    PolicyImport(EscalationPolicies policies) {
        this.policies = policies;
    }

    private record Target(EscalationTarget target, String label) {}

    public List<ImportReport.Policy> escalations(ImportContext ctx, List<OpsgenieExport.Escalation> list) {
        var out = new ArrayList<ImportReport.Policy>();
        for (int i = 0; i < list.size(); i++) {
            var escalation = list.get(i);
            String field = "escalations[" + i + "]";
            if (escalation == null
                    || escalation.name() == null
                    || escalation.name().isBlank()) {
                throw new InvalidRequestException(field + ".name", "is required");
            }
            String name = escalation.name().strip();
            var steps = steps(ctx, name, field, escalation.rules() == null ? List.of() : escalation.rules());
            var repeat = escalation.repeat();
            int repeatCount = repeat == null || repeat.count() == null ? 0 : Math.max(0, Math.min(10, repeat.count()));
            if (repeat != null && repeat.count() != null && repeat.count() > 10) {
                ctx.warn(name + ": repeats " + repeat.count() + " times in Opsgenie; policies repeat at most 10");
            }
            if (!steps.isEmpty()
                    && repeatCount > 0
                    && repeat != null
                    && repeat.waitInterval() != null
                    && repeat.waitInterval() > 0) {
                var last = steps.removeLast();
                steps.add(new EscalationPolicyForm.StepForm(clamp(repeat.waitInterval()), last.targets()));
            }
            var existing = policies.list().stream()
                    .filter(p -> p.name().equalsIgnoreCase(name))
                    .findFirst();
            var reported = steps.stream()
                    .map(s -> new ImportReport.Step(
                            s.delayMinutes() == null ? DEFAULT_WAIT : s.delayMinutes(),
                            s.targets() == null
                                    ? List.of()
                                    : s.targets().stream()
                                            .map(t -> ctx.labels.getOrDefault(
                                                    t, t.kind().name()))
                                            .toList()))
                    .toList();
            if (existing.isPresent()) {
                out.add(new ImportReport.Policy(
                        name,
                        "exists already",
                        ctx.dryRun ? null : existing.get().id(),
                        repeatCount,
                        reported));
                continue;
            }
            if (steps.isEmpty()) {
                ctx.warn(name + ": no rule could be imported, so no policy is made");
                continue;
            }
            Long teamId = ctx.teamId(escalation.ownerTeam());
            var created = policies.create(
                    new EscalationPolicyForm(name, escalation.description(), teamId, null, repeatCount, steps));
            out.add(new ImportReport.Policy(
                    name, ctx.created(), ctx.dryRun ? null : created.id(), repeatCount, reported));
        }
        return out;
    }

    private List<EscalationPolicyForm.StepForm> steps(
            ImportContext ctx, String name, String field, List<OpsgenieExport.Rule> rules) {
        Map<Integer, List<EscalationTarget>> byDelay = new TreeMap<>();
        for (int r = 0; r < rules.size(); r++) {
            var rule = rules.get(r);
            if (rule == null) continue;
            String rf = field + ".rules[" + r + "]";
            if (rule.condition() != null && !"if-not-acked".equals(rule.condition())) {
                ctx.warn(name + ": rule " + (r + 1) + " applies " + rule.condition()
                        + "; policies move on when nobody acknowledges");
            }
            if (rule.notifyType() != null && !"default".equals(rule.notifyType())) {
                ctx.warn(name + ": rule " + (r + 1) + " notifies " + rule.notifyType()
                        + "; imported as notifying the recipient itself");
            }
            int delay = minutes(rf, rule.delay());
            var list = byDelay.computeIfAbsent(delay, k -> new ArrayList<>());
            for (var target : targets(ctx, name, rule.recipient())) {
                if (!list.contains(target.target())) list.add(target.target());
                ctx.labels.put(target.target(), target.label());
            }
        }
        var steps = new ArrayList<EscalationPolicyForm.StepForm>();
        var delays = new ArrayList<>(byDelay.keySet());
        if (!delays.isEmpty() && delays.getFirst() > 0) {
            ctx.warn(name + ": its first rule waits " + delays.getFirst()
                    + " minutes; a policy pages its first step at once");
        }
        for (int d = 0; d < delays.size(); d++) {
            var targets = byDelay.get(delays.get(d));
            if (targets == null || targets.isEmpty()) {
                ctx.warn(name + ": the rules at " + delays.get(d) + " minutes have no recipient we can page: left out");
                continue;
            }
            int wait = d + 1 < delays.size() ? delays.get(d + 1) - delays.get(d) : DEFAULT_WAIT;
            steps.add(new EscalationPolicyForm.StepForm(clamp(wait), targets));
        }
        return steps;
    }

    private static int clamp(int minutes) {
        return Math.max(1, Math.min(1440, minutes));
    }

    private static int minutes(String field, OpsgenieExport.@Nullable Delay delay) {
        if (delay == null || delay.timeAmount() == null) return 0;
        int amount = delay.timeAmount();
        if (amount < 0) throw new InvalidRequestException(field + ".delay.timeAmount", "must not be negative");
        String unit = delay.timeUnit() == null ? "minutes" : delay.timeUnit().toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "minutes" -> amount;
            case "hours" -> amount * 60;
            case "days" -> amount * 1440;
            default -> throw new InvalidRequestException(field + ".delay.timeUnit", "must be minutes, hours or days");
        };
    }

    private List<Target> targets(ImportContext ctx, String name, OpsgenieExport.@Nullable Participant recipient) {
        if (recipient == null || recipient.type() == null) {
            ctx.warn(name + ": a rule without a recipient is left out");
            return List.of();
        }
        switch (recipient.type()) {
            case "user" -> {
                var agent = ctx.agent(recipient.username(), name);
                return agent == null
                        ? List.of()
                        : List.of(new Target(EscalationTarget.agent(agent.id()), "agent " + agent.email()));
            }
            case "schedule" -> {
                String schedule = recipient.name() == null ? "" : recipient.name();
                var rotas = ctx.rotas(schedule);
                if (rotas.isEmpty()) {
                    ctx.warn(name + ": schedule " + schedule + " was not imported, so its rule is left out");
                    return List.of();
                }
                // a schedule with several rotations pages whoever is on any of them
                return rotas.entrySet().stream()
                        .map(e -> new Target(
                                EscalationTarget.rota(e.getValue()), "rota " + ctx.rotaName(schedule, e.getKey())))
                        .toList();
            }
            case "team" -> {
                Long team = ctx.teamId(new OpsgenieExport.Ref(null, recipient.name(), null));
                if (team == null) {
                    ctx.warn(name + ": no team is named " + recipient.name() + ", so its rule is left out");
                    return List.of();
                }
                return List.of(new Target(EscalationTarget.channel(team), "team channel " + recipient.name()));
            }
            default -> {
                ctx.warn(name + ": recipients of type " + recipient.type() + " cannot be imported");
                return List.of();
            }
        }
    }
}

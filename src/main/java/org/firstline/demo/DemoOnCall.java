package org.firstline.demo;

import java.util.List;
import org.firstline.oncall.AlertSourceForm;
import org.firstline.oncall.AlertSourceKind;
import org.firstline.oncall.AlertSources;
import org.firstline.oncall.EscalationPolicies;
import org.firstline.oncall.EscalationPolicyForm;
import org.firstline.oncall.EscalationTarget;
import org.springframework.stereotype.Component;

/**
 * The demo's on call: Operations' escalation policy (whoever is on call, then first line five minutes later) and a
 * Prometheus source pointing at it. Its token is not kept: an admin makes a new one under Admin → Alert sources.
 * No alert is raised, so the demo pages nobody by itself.
 */
@Component
class DemoOnCall {
    private final EscalationPolicies policies;
    private final AlertSources sources;

    DemoOnCall(EscalationPolicies policies, AlertSources sources) {
        this.policies = policies;
        this.sources = sources;
    }

    void create(long team, long onCallRota, long firstLineRota, long calendar) {
        long policy = policies.create(new EscalationPolicyForm(
                        "Operations",
                        "dxw: the on-call person, then first line (second line) five minutes later",
                        team,
                        calendar,
                        1,
                        List.of(
                                new EscalationPolicyForm.StepForm(5, List.of(EscalationTarget.rota(onCallRota))),
                                new EscalationPolicyForm.StepForm(5, List.of(EscalationTarget.rota(firstLineRota))))))
                .id();
        var unused = sources.create(new AlertSourceForm(
                "Prometheus", AlertSourceKind.ALERTMANAGER, team, null, null, calendar, policy, null));
    }
}

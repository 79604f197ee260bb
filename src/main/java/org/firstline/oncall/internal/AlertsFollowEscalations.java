package org.firstline.oncall.internal;

import org.firstline.oncall.EscalationResolved;
import org.firstline.oncall.SubjectKind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Resolving an alert's escalation by hand (the web, the API, a page's link, also a team channel's) resolves the alert,
 * in the same transaction: the person who resolved it expects the alerts inbox to agree. An escalation resolved
 * because its alert was finds the alert resolved already.
 */
@Component
class AlertsFollowEscalations {
    private final AlertWriter alerts;

    AlertsFollowEscalations(AlertWriter alerts) {
        this.alerts = alerts;
    }

    @EventListener
    void resolved(EscalationResolved resolved) {
        if (resolved.subjectKind() == SubjectKind.ALERT) {
            alerts.resolveByHand(resolved.subjectId());
        }
    }
}

package org.firstline.ticket.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.AuditEntryView;
import org.firstline.ticket.AuditTrail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of directory records, for admins; a ticket's own trail is under the ticket. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AuditApiController {
    private static final Set<String> ENTITIES = Set.of(
            "organization",
            "service",
            "support_plan",
            "contact",
            "contact_email",
            "contact_organization",
            "agent",
            "team",
            "team_member",
            "api_token",
            "business_calendar",
            "business_hours",
            "business_holiday",
            "sla_policy",
            "sla_policy_target",
            "mailbox",
            "email_template",
            "integration_settings",
            "team_channel",
            "webhook_subscription",
            "label",
            "ownership_rule",
            "canned_response",
            "team_desk",
            "kb_category",
            "kb_article");

    private final AuditTrail audit;

    AuditApiController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    Map<String, List<AuditEntryView>> audit(
            @RequestParam String entity,
            @RequestParam(required = false) Long entityId,
            @RequestParam(defaultValue = "200") int limit) {
        if (!ENTITIES.contains(entity)) {
            throw new InvalidRequestException(
                    "entity", "must be one of " + ENTITIES.stream().sorted().toList());
        }
        int bounded = Math.clamp(limit, 1, 1000);
        return Map.of(
                "items",
                entityId == null ? audit.forEntity(entity, bounded) : audit.forEntity(entity, entityId, bounded));
    }
}

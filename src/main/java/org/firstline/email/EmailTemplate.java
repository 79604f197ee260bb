package org.firstline.email;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An editable text of automatic mail: ACKNOWLEDGEMENT, APPROVAL_REQUEST, APPROVAL_REJECTED, ASSIGNED (to the
 * requester, who has the ticket), ASSIGNEE_ALERT (to the assignee of a high-priority ticket) or SLA_ALERT (a digest
 * of service-level warnings and breaches, with {{agent.name}}, {{alerts.summary}}, {{alerts.list}}, {{sla.url}}),
 * RESOLUTION (to the requester of a resolved ticket, with {{resolution.text}}, {{confirm.url}}, {{reject.url}},
 * {{close.days}} and {{survey.text}}, empty until there is a satisfaction survey) or LEAD (out-of-scope work, to the
 * account manager, with {{agent.name}}, {{organization.name}}, {{created.by}}, {{lead.hours}}, {{lead.reason}},
 * {{ticket.url}}). Placeholders:
 * {{ticket.number}}, {{ticket.subject}}, {{requester.name}}, {{mailbox.name}}; approval requests also
 * {{representative.name}}, {{requester.email}}, {{ticket.request}}, {{approve.url}}, {{reject.url}}; assignment mail
 * also {{agent.name}}, {{team.name}}, {{ticket.priority}}, {{ticket.url}}.
 */
public record EmailTemplate(
        String key,

        @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters")
        String subject,

        @NotBlank(message = "is required") @Size(max = 20000, message = "must be at most 20000 characters")
        String body) {}

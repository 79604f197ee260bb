package org.firstline.email.internal;

import java.util.List;
import org.firstline.directory.AgentService;
import org.firstline.platform.FirstlineSettings;
import org.firstline.triage.EngineeringManagerAsked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A critical ticket handed to the engineering managers reaches each of them by mail, queued in the transaction that
 * handed it over, from the ticket's mailbox. Staff mail, so its words are fixed rather than an editable template.
 */
@Component
class EngineeringManagerMailer {
    private final AgentService agents;
    private final Outbox outbox;
    private final String publicUrl;

    EngineeringManagerMailer(AgentService agents, Outbox outbox, FirstlineSettings settings) {
        this.agents = agents;
        this.outbox = outbox;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    @EventListener
    void on(EngineeringManagerAsked asked) {
        for (long managerId : asked.managerIds()) {
            var manager = agents.get(managerId);
            if (manager.email() == null || manager.email().isBlank()) continue;
            outbox.enqueue(
                    new OutboundMail(
                            null,
                            asked.ticketId(),
                            null,
                            OutboundMail.Kind.ENGINEERING_MANAGER,
                            List.of(manager.email()),
                            List.of(),
                            "Critical, nobody can take it: #" + asked.ticketNumber() + " " + asked.subject(),
                            "Hello " + manager.displayName() + ",\n\n"
                                    + asked.askedBy() + " handed you critical ticket #" + asked.ticketNumber()
                                    + " because nobody on its team can take it:\n\n  " + asked.reason() + "\n\n"
                                    + "Please find people for it: " + publicUrl + "/tickets/" + asked.ticketNumber()
                                    + "\n"),
                    null);
        }
    }
}

package org.firstline.email.internal;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one place that says in which order intake looks at a message (docs/email.md, "Filing a message"). */
@Configuration(proxyBeanMethods = false)
class IntakeFilterOrder {

    @Bean
    IntakeFilters intakeFilters(
            OwnAddressLoop ownAddressLoop,
            SenderRateLimit senderRateLimit,
            BounceReport bounceReport,
            ApprovalReply approvalReply,
            ClosedTicketFollowUp closedTicketFollowUp,
            ReplyToOpenTicket replyToOpenTicket,
            TicketOpening ticketOpening) {
        return new IntakeFilters(
                List.of(
                        ownAddressLoop, // our own mail coming back: never filed, or the desk answers itself
                        senderRateLimit, // a storm from one sender waits in quarantine
                        bounceReport, // a delivery failure of mail we sent goes on its ticket
                        approvalReply, // a representative answering an approval request
                        closedTicketFollowUp, // a reply to a closed ticket opens a follow-up linked to it
                        replyToOpenTicket), // a reply joins its ticket's conversation
                ticketOpening::open); // anything else is a new ticket
    }
}

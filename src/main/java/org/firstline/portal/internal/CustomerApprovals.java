package org.firstline.portal.internal;

import java.util.List;
import org.firstline.email.CustomerAnswers;
import org.firstline.platform.NotFoundException;
import org.springframework.stereotype.Component;

/** Requests held for a representative's approval, for the representatives of the organizations they were asked of. */
@Component
public class CustomerApprovals {
    private final CustomerAnswers answers;

    CustomerApprovals(CustomerAnswers answers) {
        this.answers = answers;
    }

    public List<CustomerAnswers.HeldRequest> waiting(Customer customer) {
        return answers.heldFor(customer.represented());
    }

    /** True when the decision counted; false when another representative had settled it first. */
    public boolean decide(Customer customer, long number, boolean approve) {
        var held = waiting(customer).stream()
                .filter(h -> h.ticketNumber() == number)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No request #" + number + " waits on your approval."));
        return answers.decideApproval(held.ticketId(), customer.contactId(), customer.represented(), approve);
    }
}

package org.firstline.integration;

import java.util.Locale;
import org.firstline.ticket.TicketView;

/** What the escalation form starts from: the ticket's number and impact, nothing the customer wrote. */
public final class EscalationDrafts {
    private EscalationDrafts() {}

    public static String summary(TicketView ticket) {
        return "Support #" + ticket.number() + ": " + impact(ticket) + " impact";
    }

    public static String text(TicketView ticket) {
        return """
                ## What happens
                (In your own words: no names, organizations, addresses or text from the customer.)

                ## Impact
                %s

                ## Investigation so far
                """.formatted(impact(ticket));
    }

    static String impact(TicketView ticket) {
        return ticket.impact().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

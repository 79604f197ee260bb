package org.firstline.ticket;

import java.util.Map;

/**
 * Whether agents' public replies have left as mail. An interface because the email module answers and the ticket
 * module only asks (email already depends on tickets), so that an agent is never told a reply was sent when it was not.
 */
public interface ReplyMail {
    /** The ticket's public replies that have not gone out, by message id, each with why in a sentence. */
    Map<Long, String> unsent(long ticketId);

    /** Why the ticket's latest resolution mail (with its "fixed" and "not fixed" links) has not gone out, if it has not. */
    java.util.Optional<String> unsentResolution(long ticketId);
}

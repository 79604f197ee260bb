package org.firstline.ticket;

import org.firstline.platform.ConflictException;

/** Filing a ticket in an organization that takes requests from its representatives only, for someone who is not one. */
public class NotRepresentativeException extends ConflictException {
    public NotRepresentativeException(String message) {
        super(message);
    }
}

package org.firstline.ticket;

/** How a ticket relates to another ticket or to an issue in a tracker. */
public enum LinkKind {
    RELATED, DUPLICATE_OF, EXTERNAL_ISSUE
}

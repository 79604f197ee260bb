package org.firstline.ticket;

/**
 * How a ticket relates to another ticket or to an issue in a tracker. MERGED_FROM is made by merging a duplicate into
 * this ticket, never by hand.
 */
public enum LinkKind {
    RELATED,
    DUPLICATE_OF,
    EXTERNAL_ISSUE,
    MERGED_FROM
}

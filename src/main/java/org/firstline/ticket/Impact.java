package org.firstline.ticket;

/** How badly the requester is affected, from no impact to data loss. */
public enum Impact {
    NONE,
    MINOR,
    DEGRADED,
    MAJOR,
    OUTAGE,
    DATA_LOSS
}

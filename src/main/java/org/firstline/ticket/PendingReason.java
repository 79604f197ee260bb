package org.firstline.ticket;

/** Whom a pending ticket waits on. */
public enum PendingReason {
    CUSTOMER,
    ENGINEERING,
    REPRESENTATIVE_APPROVAL,
    CHANGE_APPROVAL,
    ACCOUNT_MANAGER,
    SCHEDULED
}

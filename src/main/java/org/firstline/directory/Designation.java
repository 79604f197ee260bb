package org.firstline.directory;

/** A hat an admin gives an agent, which rotas, escalation and the leads work look for. */
public enum Designation {
    HEAD_OF_OPERATIONS,
    ENGINEERING_MANAGER,
    PROJECT_MANAGER,
    LEAD_TRACKER,
    /** may be put on an on-call rota (on call is opt-in, approved by the head of operations) */
    CLEARED_FOR_ON_CALL
}

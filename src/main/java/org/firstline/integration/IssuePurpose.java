package org.firstline.integration;

/** Why an issue was opened from a ticket: to escalate a problem, or to plan requested work such as a workshop. */
public enum IssuePurpose {
    ESCALATION,
    PLANNING
}

package org.firstline.oncall;

/** What is being escalated: a monitoring alert or a critical ticket. */
public enum SubjectKind {
    ALERT,
    TICKET
}

package org.firstline.triage;

/** Whether the requester can get around the problem meanwhile. */
public enum Workaround {
    UNKNOWN,
    YES,
    NO
}

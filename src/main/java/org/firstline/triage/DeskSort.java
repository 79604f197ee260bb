package org.firstline.triage;

/** Oldest first, or most urgent (priority, then age) first. */
public enum DeskSort {
    AGE,
    URGENCY
}

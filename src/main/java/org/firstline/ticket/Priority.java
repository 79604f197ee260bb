package org.firstline.ticket;

/** How soon the ticket needs attention. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    CRITICAL
}

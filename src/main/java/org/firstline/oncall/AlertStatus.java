package org.firstline.oncall;

/** An alert fires until its monitor says it is resolved (acknowledgement is the escalation engine's). */
public enum AlertStatus {
    FIRING,
    RESOLVED
}

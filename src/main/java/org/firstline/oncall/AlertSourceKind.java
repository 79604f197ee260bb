package org.firstline.oncall;

/** What sends a source's alerts: Prometheus Alertmanager, any system posting the generic JSON, or heartbeat pings. */
public enum AlertSourceKind {
    ALERTMANAGER,
    GENERIC,
    HEARTBEAT
}

package org.firstline.ticket;

/** How the request reached us. */
public enum Channel {
    EMAIL,
    WEB,
    API,
    ALERT,
    PHONE,
    INTERNAL
}

package org.firstline.ticket;

/** A public reply goes to the requester; an internal note stays with agents. */
public enum MessageKind {
    PUBLIC,
    NOTE
}

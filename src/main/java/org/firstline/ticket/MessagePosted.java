package org.firstline.ticket;

/** A reply or note was added; {@code byAgent} tells an agent's message from the requester's. */
public record MessagePosted(long ticketId, long messageId, MessageKind kind, boolean byAgent) {}

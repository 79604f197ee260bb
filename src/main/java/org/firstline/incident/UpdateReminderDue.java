package org.firstline.incident;

/** The communications lead's next customer update is due; raised once per due time, in the transaction that records it. */
public record UpdateReminderDue(long incidentId, String address, String subject, String body) {}

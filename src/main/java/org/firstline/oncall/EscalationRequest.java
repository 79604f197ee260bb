package org.firstline.oncall;

/** Starts escalating an alert or a ticket, by its id; {@code high} severity pages out of hours, low waits for first line. */
public record EscalationRequest(SubjectKind subjectKind, long subjectId, long policyId, String summary, boolean high) {}

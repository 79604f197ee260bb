package org.firstline.triage;

/** One factor of a suggested priority: what it is, what it is for this ticket, and how many points it adds. */
public record PriorityFactor(String name, String value, int points) {}

package org.firstline.rota;

/** A member of a rotation in one slot role, in turn order; a shadow sees the work and is never scheduled. */
public record RotationMember(long agentId, String agentName, String role, int position, boolean shadow) {}

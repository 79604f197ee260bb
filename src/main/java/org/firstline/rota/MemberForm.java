package org.firstline.rota;

import org.jspecify.annotations.Nullable;

/** One member in a rotation's list, in turn order; role may be left out when the rotation has one role. */
public record MemberForm(@Nullable Long agentId, @Nullable String role, boolean shadow) {}

package org.firstline.directory;

import java.time.Instant;

/** An API token as admins see it; the secret itself is shown once, at creation, and never stored. */
public record ApiTokenView(long id, String name, long agentId, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}

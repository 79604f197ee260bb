package org.firstline.ticket;

import java.time.Instant;

public record CannedResponseView(long id, String name, String body, Instant createdAt, Instant updatedAt) {}

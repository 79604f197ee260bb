package org.firstline.incident;

import java.time.Instant;

/** One public update on an incident's timeline; the body is Markdown an agent wrote for the public. */
public record PublicUpdate(long id, IncidentStatus status, String body, Instant postedAt) {}

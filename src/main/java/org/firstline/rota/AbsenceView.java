package org.firstline.rota;

import java.time.Instant;

/** A person out of office from when to when: they are on no rota then. */
public record AbsenceView(long id, long agentId, String agentName, Instant startsAt, Instant endsAt, String reason) {}

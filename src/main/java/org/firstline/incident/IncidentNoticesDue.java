package org.firstline.incident;

import java.util.List;

/**
 * Notices to put in the outbox now, in the listener's transaction: the notices are marked sent in the same one, so a
 * node that stops halfway leaves the rest for the next step and no address hears an update twice.
 */
public record IncidentNoticesDue(List<IncidentNotice> notices) {}

package org.firstline.ticket;

/** The one meaning of "critical": a ticket whose impact is at least {@code minimumImpact}, in words admins keep. */
public record CriticalDefinition(Impact minimumImpact, String meaning) {
    public boolean covers(Impact impact) {
        return impact.compareTo(minimumImpact) >= 0;
    }
}

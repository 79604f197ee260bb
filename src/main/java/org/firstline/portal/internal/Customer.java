package org.firstline.portal.internal;

import java.util.List;
import java.util.Set;

/**
 * A signed-in contact as the directory has them now: the organizations they belong to, and those they represent.
 * Read afresh on every request, so leaving an organization or losing the representative's role counts at once.
 */
public record Customer(long contactId, long sessionId, String name, String email, List<Organization> organizations) {

    /** An organization of the customer's, by name. */
    public record Organization(long id, String name, boolean representative) {}

    public Set<Long> represented() {
        return organizations.stream()
                .filter(Organization::representative)
                .map(Organization::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public boolean represents(long organizationId) {
        return represented().contains(organizationId);
    }

    public boolean isRepresentative() {
        return organizations.stream().anyMatch(Organization::representative);
    }
}

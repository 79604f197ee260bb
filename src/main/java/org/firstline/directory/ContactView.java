package org.firstline.directory;

import java.time.Instant;
import java.util.List;

public record ContactView(long id, String name, List<String> emails, List<Membership> organizations, Instant createdAt) {

    /** A contact's place in one organization. */
    public record Membership(long organizationId, boolean representative) {}

    public String primaryEmail() {
        return emails.isEmpty() ? null : emails.get(0);
    }
}

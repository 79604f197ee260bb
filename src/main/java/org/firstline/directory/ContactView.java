package org.firstline.directory;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

public record ContactView(
        long id, String name, List<String> emails, List<Membership> organizations, Instant createdAt) {

    /** A contact's place in one organization. */
    public record Membership(long organizationId, boolean representative) {}

    public @Nullable String primaryEmail() {
        return emails.isEmpty() ? null : emails.get(0);
    }
}

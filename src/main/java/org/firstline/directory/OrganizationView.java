package org.firstline.directory;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

public record OrganizationView(
        long id,
        String name,
        @Nullable Long planId,
        List<String> domains,
        boolean representativesOnly,
        @Nullable Long accountManagerId,
        String notes,
        Instant createdAt) {}

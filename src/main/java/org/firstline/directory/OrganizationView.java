package org.firstline.directory;

import java.time.Instant;
import java.util.List;

public record OrganizationView(
        long id,
        String name,
        Long planId,
        List<String> domains,
        boolean representativesOnly,
        Long accountManagerId,
        String notes,
        Instant createdAt) {}

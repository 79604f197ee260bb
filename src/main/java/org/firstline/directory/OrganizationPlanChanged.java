package org.firstline.directory;

import org.jspecify.annotations.Nullable;

/** An organization moved to another support plan (or off one); its open tickets' service levels follow. */
public record OrganizationPlanChanged(
        long organizationId,
        @Nullable Long fromPlanId,
        @Nullable Long toPlanId) {}

package org.firstline.directory;

/** An organization moved to another support plan (or off one); its open tickets' service levels follow. */
public record OrganizationPlanChanged(long organizationId, Long fromPlanId, Long toPlanId) {}

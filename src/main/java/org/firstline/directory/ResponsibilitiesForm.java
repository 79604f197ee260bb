package org.firstline.directory;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Replaces an agent's delivery lead (null: none) and designations (null: unchanged). */
public record ResponsibilitiesForm(
        @Nullable Long deliveryLeadId, @Nullable Set<Designation> designations) {}

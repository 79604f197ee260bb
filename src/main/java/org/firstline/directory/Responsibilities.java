package org.firstline.directory;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An agent's delivery lead and designations; none of either for an agent nobody has set them for. */
public record Responsibilities(long agentId, @Nullable Long deliveryLeadId, Set<Designation> designations) {}

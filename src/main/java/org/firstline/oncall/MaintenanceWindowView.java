package org.firstline.oncall;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record MaintenanceWindowView(
        long id, @Nullable Long sourceId, @Nullable Long serviceId, Instant startsAt, Instant endsAt, String reason) {}

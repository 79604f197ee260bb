package org.firstline.directory;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

public record TeamForm(
        @Size(max = 100, message = "must be at most 100 characters") @Nullable
        String name,

        @Size(max = 2000, message = "must be at most 2000 characters") @Nullable
        String description,

        @Nullable List<Long> memberIds) {}

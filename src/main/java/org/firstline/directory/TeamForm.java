package org.firstline.directory;

import jakarta.validation.constraints.Size;
import java.util.List;

public record TeamForm(
        @Size(max = 100, message = "must be at most 100 characters") String name,
        @Size(max = 2000, message = "must be at most 2000 characters") String description,
        List<Long> memberIds) {}

package org.firstline.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Creates an organization, or on update changes the fields that are not null. */
public record OrganizationForm(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String name,

        @Nullable Long planId,

        @Nullable
        List<
                        @Pattern(
                                regexp = "^[a-z0-9.-]+\\.[a-z]{2,}$",
                                message = "must be a lower-case domain like example.org")
                        String>
                domains,

        @Nullable Boolean representativesOnly,
        @Nullable Long accountManagerId,

        @Size(max = 10000, message = "must be at most 10000 characters") @Nullable
        String notes) {}

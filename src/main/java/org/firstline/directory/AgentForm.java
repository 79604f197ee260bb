package org.firstline.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.firstline.platform.AgentRole;
import org.jspecify.annotations.Nullable;

/** Creates an agent (username, name, email, role and password required), or on update changes non-null fields. */
public record AgentForm(
        @Pattern(
                regexp = "^[a-z0-9._-]{2,40}$",
                message = "must be 2-40 lower-case letters, digits, dots, dashes or underscores")
        @Nullable
        String username,

        @Size(max = 200, message = "must be at most 200 characters") @Nullable
        String displayName,

        @Email(message = "must be an email address") @Nullable
        String email,

        @Nullable AgentRole role,
        @Nullable String timeZone,

        @Size(max = 2000, message = "must be at most 2000 characters") @Nullable
        String signature,

        @Min(value = 0, message = "must be 0 or more") @Max(value = 80, message = "must be at most 80") @Nullable
        Integer capacityHours,

        @Size(min = 12, max = 200, message = "must be 12 to 200 characters") @Nullable
        String password,

        @Nullable Boolean active,
        @Nullable List<String> skills) {}

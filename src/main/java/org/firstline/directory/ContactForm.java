package org.firstline.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Creates a contact, or on update replaces the lists that are not null. */
public record ContactForm(
        @Size(max = 200, message = "must be at most 200 characters") @Nullable
        String name,

        List<@NotBlank(message = "must not be blank") @Email(message = "must be an email address") String> emails,
        List<@Valid Membership> organizations) {

    public record Membership(
            @NotNull(message = "is required") Long organizationId, boolean representative) {}
}

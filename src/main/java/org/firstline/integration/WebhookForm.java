package org.firstline.integration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

public record WebhookForm(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String name,

        @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters")
        String url,

        @NotEmpty(message = "name at least one event") List<WebhookEvent> events) {}

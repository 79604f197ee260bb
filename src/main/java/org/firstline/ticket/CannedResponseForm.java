package org.firstline.ticket;

import jakarta.validation.constraints.Size;

public record CannedResponseForm(
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters")
        String name,

        @Size(min = 1, max = 20000, message = "must be 1 to 20000 characters")
        String body) {}

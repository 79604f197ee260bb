package org.firstline.directory.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.firstline.directory.ApiTokenService;
import org.firstline.directory.ApiTokenView;
import org.firstline.directory.CreatedApiToken;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API tokens, managed by admins. */
@RestController
@RequestMapping("/api/v1/api-tokens")
@PreAuthorize("hasRole('ADMIN')")
class ApiTokenApiController {
    private final ApiTokenService tokens;

    ApiTokenApiController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    record TokenForm(
            @NotBlank(message = "is required") String name,
            @NotNull(message = "is required") Long agentId) {}

    @GetMapping
    Map<String, List<ApiTokenView>> list() {
        return Map.of("items", tokens.list());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedApiToken create(@Valid @RequestBody TokenForm form) {
        return tokens.create(form.name(), form.agentId());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        tokens.revoke(id);
    }
}

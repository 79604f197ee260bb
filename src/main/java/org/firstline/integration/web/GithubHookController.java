package org.firstline.integration.web;

import java.nio.charset.StandardCharsets;
import org.firstline.integration.IntegrationSettingsService;
import org.firstline.integration.internal.IssueWatcher;
import org.firstline.integration.internal.WebhookSignature;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * GitHub's webhook for issue events, so a closed or assigned issue moves its ticket at once instead of at the next poll.
 * Open to the internet, so only a body signed with the shared webhook secret (X-Hub-Signature-256) is read.
 */
@RestController
class GithubHookController {
    private final IntegrationSettingsService settings;
    private final IssueWatcher watcher;
    private final ObjectMapper json;

    GithubHookController(IntegrationSettingsService settings, IssueWatcher watcher, ObjectMapper json) {
        this.settings = settings;
        this.watcher = watcher;
        this.json = json;
    }

    @PostMapping("/api/v1/hooks/github")
    ResponseEntity<String> github(
            @RequestHeader(name = "X-GitHub-Event", required = false) String event,
            @RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
            @RequestBody byte[] body) {
        String secret = settings.secrets().githubWebhookSecret();
        String text = new String(body, StandardCharsets.UTF_8);
        if (secret == null || !WebhookSignature.matches("sha256=" + WebhookSignature.hmac(secret, text), signature)) {
            return ResponseEntity.status(401)
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(json.writeValueAsString(org.springframework.http.ProblemDetail.forStatusAndDetail(
                            org.springframework.http.HttpStatus.UNAUTHORIZED,
                            "The X-Hub-Signature-256 signature is missing or wrong.")));
        }
        if ("ping".equals(event)) return ResponseEntity.ok("pong");
        if (!"issues".equals(event)) return ResponseEntity.accepted().body("ignored: " + event);
        JsonNode payload = json.readTree(text);
        JsonNode issue = payload.path("issue");
        boolean known = watcher.githubEvent(
                payload.path("repository").path("full_name").asString(),
                issue.path("number").asLong(),
                payload.path("action").asString(),
                issue.path("assignees").size() > 0,
                issue.path("reactions").path("total_count").asInt());
        return ResponseEntity.ok(known ? "applied" : "not an issue Firstline follows");
    }
}

package org.firstline.integration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firstline.integration.IntegrationSettingsService;
import org.firstline.integration.Tracker;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** GitHub's and Shortcut's REST APIs, as far as Firstline needs them: open an issue (a story), and read its state. */
@Component
public class TrackerClient {
    /** An issue as created: its id in the tracker and the page people open. */
    public record Created(String externalId, String url) {}

    /** What Firstline follows on an issue: closed yet, taken by an engineer, how many reacted to it. */
    public record State(boolean closed, boolean taken, int reactions) {}

    private final OutboundHttp http;
    private final IntegrationSettingsService settings;
    private final ObjectMapper json;

    TrackerClient(OutboundHttp http, IntegrationSettingsService settings, ObjectMapper json) {
        this.http = http;
        this.settings = settings;
        this.json = json;
    }

    /** Opens an issue; {@code planning} picks GitHub's planning repository. Refused with the tracker's own reason. */
    public Created create(Tracker tracker, boolean planning, String title, String body, List<String> labels) {
        var s = settings.secrets();
        if (tracker == Tracker.GITHUB) {
            String repository = planning && s.githubPlanningRepository() != null
                    ? s.githubPlanningRepository()
                    : s.githubRepository();
            if (repository == null || s.githubToken() == null) {
                throw new InvalidRequestException(
                        "tracker",
                        "GitHub is not set up: an admin adds its repository and token in Admin → Integrations");
            }
            var result = http.send(
                    "POST",
                    s.githubBaseUrl() + "/repos/" + repository + "/issues",
                    github(s.githubToken()),
                    json.writeValueAsString(Map.of("title", title, "body", body, "labels", labels)));
            if (!result.ok()) throw new ConflictException("GitHub did not open the issue: " + result.describe());
            JsonNode issue = json.readTree(result.body());
            return new Created(
                    repository + "#" + issue.path("number").asLong(),
                    issue.path("html_url").asString());
        }
        if (s.shortcutToken() == null) {
            throw new InvalidRequestException(
                    "tracker", "Shortcut is not set up: an admin adds its token in Admin → Integrations");
        }
        var story = new LinkedHashMap<String, Object>();
        story.put("name", title);
        story.put("description", body);
        story.put("story_type", planning ? "chore" : "bug");
        var labelObjects = new ArrayList<Map<String, String>>();
        labels.forEach(l -> labelObjects.add(Map.of("name", l)));
        story.put("labels", labelObjects);
        if (s.shortcutWorkflowStateId() != null) story.put("workflow_state_id", s.shortcutWorkflowStateId());
        var result = http.send(
                "POST",
                s.shortcutBaseUrl() + "/api/v3/stories",
                shortcut(s.shortcutToken()),
                json.writeValueAsString(story));
        if (!result.ok()) throw new ConflictException("Shortcut did not create the story: " + result.describe());
        JsonNode created = json.readTree(result.body());
        return new Created(
                String.valueOf(created.path("id").asLong()),
                created.path("app_url").asString());
    }

    /** The issue's state now, or null when the tracker could not say (it is asked again later). */
    public @Nullable State state(Tracker tracker, String externalId) {
        var s = settings.secrets();
        if (tracker == Tracker.GITHUB) {
            if (s.githubToken() == null) return null;
            int hash = externalId.lastIndexOf('#');
            var result = http.send(
                    "GET",
                    s.githubBaseUrl() + "/repos/" + externalId.substring(0, hash) + "/issues/"
                            + externalId.substring(hash + 1),
                    github(s.githubToken()),
                    null);
            if (!result.ok()) return null;
            JsonNode issue = json.readTree(result.body());
            boolean taken = issue.path("assignees").size() > 0
                    || (!issue.path("assignee").isMissingNode()
                            && !issue.path("assignee").isNull());
            return new State(
                    "closed".equals(issue.path("state").asString()),
                    taken,
                    issue.path("reactions").path("total_count").asInt());
        }
        if (s.shortcutToken() == null) return null;
        var result = http.send(
                "GET", s.shortcutBaseUrl() + "/api/v3/stories/" + externalId, shortcut(s.shortcutToken()), null);
        if (!result.ok()) return null;
        JsonNode story = json.readTree(result.body());
        return new State(
                story.path("completed").asBoolean() || story.path("archived").asBoolean(),
                story.path("owner_ids").size() > 0 || story.path("started").asBoolean(),
                0);
    }

    private static Map<String, String> github(String token) {
        return Map.of(
                "Authorization",
                "Bearer " + token,
                "Accept",
                "application/vnd.github+json",
                "X-GitHub-Api-Version",
                "2022-11-28");
    }

    private static Map<String, String> shortcut(String token) {
        return Map.of("Shortcut-Token", token, "Accept", "application/json");
    }
}

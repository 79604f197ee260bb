package org.firstline.support;

import java.util.List;
import java.util.UUID;
import org.firstline.directory.AgentForm;
import org.firstline.directory.AgentService;
import org.firstline.directory.AgentView;
import org.firstline.directory.ApiTokenService;
import org.firstline.platform.AgentRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Base of the API tests: the whole application on a random port, on the embedded PostgreSQL, with a clock the
 * test moves. Each test makes the agents it needs, with unique names, so tests do not depend on each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
public abstract class ApiTest {
    protected static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    protected int port;

    @Autowired
    protected AgentService agentService;

    @Autowired
    protected ApiTokenService tokenService;

    @Autowired
    protected MutableClock clock;

    protected AgentView newAgent(AgentRole role) {
        String username = role.name().toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        return agentService.create(new AgentForm(
                username,
                "Agent " + username,
                username + "@support.test",
                role,
                "UTC",
                "",
                30,
                PASSWORD,
                true,
                List.of()));
    }

    /** An API client acting as a new agent of this role, with a bearer token. */
    protected ApiClient api(AgentRole role) {
        return ApiClient.bearer(
                port, tokenService.create("test", newAgent(role).id()).secret());
    }

    protected ApiClient api(AgentView agent) {
        return ApiClient.bearer(port, tokenService.create("test", agent.id()).secret());
    }

    /** A browser's session of the agent, signed in through the login form: for the pages and their forms. */
    protected ApiClient signedIn(AgentView agent) {
        var browser = ApiClient.anonymous(port).withCookies();
        String csrf = ApiClient.csrfToken(browser.get("/login", "text/html").body());
        var signIn = browser.postForm(
                "/login", java.util.Map.of("username", agent.username(), "password", PASSWORD, "_csrf", csrf));
        if (signIn.status() != 302 || String.valueOf(signIn.header("Location")).contains("error")) {
            throw new IllegalStateException("sign-in failed: " + signIn);
        }
        return browser;
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

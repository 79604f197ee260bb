package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.firstline.directory.AgentForm;
import org.firstline.directory.AgentView;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A web session carries who signed in; what they may do is the account's as it is now, on every request. */
class AgentSessionsIT extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeactivatedAdminCanDoNothingWithTheOldCookie() {
        var admin = newAgent(AgentRole.ADMIN);
        var browser = signIn(admin);
        assertThat(browser.get("/admin/agents", "text/html").status()).isEqualTo(200);
        assertThat(sessionsOf(admin)).isEqualTo(1);

        agentService.update(admin.id(), change(null, false));

        assertThat(sessionsOf(admin))
                .as("deactivation ends the agent's sessions")
                .isZero();
        var page = browser.get("/admin/agents", "text/html");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).isEqualTo("/login");
        String csrf = ApiClient.csrfToken(browser.get("/login", "text/html").body());
        var create = browser.postForm(
                "/admin/agents",
                Map.of(
                        "_csrf",
                        csrf,
                        "username",
                        unique("sneaky"),
                        "displayName",
                        "Sneaky",
                        "email",
                        "sneaky@example.com",
                        "role",
                        "ADMIN",
                        "password",
                        "a long enough password"));
        assertThat(create.status()).isEqualTo(302);
        assertThat(create.header("Location")).isEqualTo("/login");
        assertThat(jdbc.sql("select count(*) from agent where username like 'sneaky-%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aDemotionCountsFromTheNextRequest() {
        var admin = newAgent(AgentRole.ADMIN);
        var browser = signIn(admin);
        assertThat(browser.get("/admin/agents", "text/html").status()).isEqualTo(200);

        agentService.update(admin.id(), change(AgentRole.READ_ONLY, null));

        assertThat(browser.get("/admin/agents", "text/html").status()).isEqualTo(403);
        assertThat(browser.get("/tickets", "text/html").status()).isEqualTo(200);
        String csrf =
                ApiClient.csrfToken(browser.get("/tickets/new", "text/html").body());
        assertThat(browser.postForm("/tickets/new", Map.of("_csrf", csrf, "subject", "x", "body", "y"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aNewPasswordSignsTheAgentOutEverywhereElse() {
        var agent = newAgent(AgentRole.AGENT);
        var laptop = signIn(agent);
        var stolen = signIn(agent);
        String csrf = ApiClient.csrfToken(laptop.get("/me", "text/html").body());
        var changed = laptop.postForm(
                "/me/password",
                Map.of("_csrf", csrf, "currentPassword", PASSWORD, "newPassword", "a brand new long password"));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(laptop.get("/tickets", "text/html").status())
                .as("the session that changed it stays")
                .isEqualTo(200);
        assertThat(stolen.get("/tickets", "text/html").status())
                .as("every other session ends")
                .isEqualTo(302);
        assertThat(sessionsOf(agent)).isEqualTo(1);
    }

    @Test
    void theSessionIsInTheDatabaseWithoutThePasswordHash() {
        var agent = newAgent(AgentRole.AGENT);
        signIn(agent);
        byte[] stored =
                jdbc.sql("""
                select a.attribute_bytes from spring_session s join spring_session_attributes a on a.session_primary_id = s.primary_id
                where s.principal_name = ? and a.attribute_name = 'SPRING_SECURITY_CONTEXT'""").param(agent.username()).query(byte[].class).single();
        String hash = jdbc.sql("select password_hash from agent where id = ?")
                .param(agent.id())
                .query(String.class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .contains(agent.username())
                .doesNotContain(hash);
    }

    @Test
    void redirectsNeverFollowTheHostHeader() throws Exception {
        try (var socket = new Socket("localhost", port)) {
            socket.getOutputStream()
                    .write("GET /tickets HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            var lines = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .lines()
                    .takeWhile(line -> !line.isEmpty())
                    .toList();
            assertThat(lines.get(0)).contains("302");
            assertThat(lines).anyMatch(line -> line.equalsIgnoreCase("Location: /login"));
            assertThat(String.join("\n", lines)).doesNotContain("evil.example");
        }
    }

    @Test
    void afterSignInTheAgentGoesBackToThePageAskedForByPathOnly() {
        var agent = newAgent(AgentRole.AGENT);
        var browser = ApiClient.anonymous(port).withCookies();
        assertThat(browser.get("/tickets?status=OPEN", "text/html").status()).isEqualTo(302);
        String csrf = ApiClient.csrfToken(browser.get("/login", "text/html").body());
        var signedIn =
                browser.postForm("/login", Map.of("username", agent.username(), "password", PASSWORD, "_csrf", csrf));
        assertThat(signedIn.header("Location")).startsWith("/tickets?status=OPEN");
    }

    private ApiClient signIn(AgentView agent) {
        var browser = ApiClient.anonymous(port).withCookies();
        String csrf = ApiClient.csrfToken(browser.get("/login", "text/html").body());
        var signedIn =
                browser.postForm("/login", Map.of("username", agent.username(), "password", PASSWORD, "_csrf", csrf));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).isEqualTo("/tickets");
        return browser;
    }

    private int sessionsOf(AgentView agent) {
        return jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param(agent.username())
                .query(Integer.class)
                .single();
    }

    private static AgentForm change(AgentRole role, Boolean active) {
        return new AgentForm(null, null, null, role, null, null, null, null, active, null);
    }
}

package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SignInThrottleIT extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetFailures() {
        // every test signs in from 127.0.0.1: leave the address clean for the next
        jdbc.sql("delete from sign_in_failure").update();
    }

    @Test
    void sprayingManyAccountsFromOneAddressIsRefusedWith429() {
        for (int i = 0; i < 20; i++) {
            var agent = newAgent(AgentRole.AGENT);
            assertThat(ApiClient.basic(port, agent.username(), "guess " + i)
                            .get("/api/v1/tickets")
                            .status())
                    .isEqualTo(401);
        }
        var fresh = newAgent(AgentRole.AGENT);
        var refused = ApiClient.basic(port, fresh.username(), PASSWORD).get("/api/v1/tickets");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();

        clock.advance(Duration.ofMinutes(16));
        assertThat(ApiClient.basic(port, fresh.username(), PASSWORD)
                        .get("/api/v1/tickets?limit=1")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void guessesSentInParallelGetFiveTriesNotOneEach() throws Exception {
        var agent = newAgent(AgentRole.AGENT);
        var statuses = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 30; i++) {
                int guess = i;
                pool.submit(() -> statuses.add(ApiClient.basic(port, agent.username(), "guess " + guess)
                        .get("/api/v1/tickets")
                        .status()));
            }
        }
        assertThat(statuses).hasSize(30);
        assertThat(statuses.stream().filter(s -> s == 401).count())
                .as(statuses.toString())
                .isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(25);
    }

    @Test
    void failuresAreKeptInTheDatabaseSoEveryNodeAndARestartSeeThem() {
        var agent = newAgent(AgentRole.AGENT);
        for (int i = 0; i < 5; i++) {
            ApiClient.basic(port, agent.username(), "guess " + i).get("/api/v1/tickets");
        }
        assertThat(jdbc.sql("select count(*) from sign_in_failure where username = ?")
                        .param(agent.username())
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
        // the account is locked for every address, the web form included
        var web = ApiClient.anonymous(port).withCookies();
        String csrf = ApiClient.csrfToken(web.get("/login", "text/html").body());
        var form = web.postForm("/login", Map.of("username", agent.username(), "password", PASSWORD, "_csrf", csrf));
        assertThat(form.status()).isEqualTo(302);
        assertThat(form.header("Location")).isEqualTo("/login?throttled");
    }

    @Test
    void aRightPasswordClearsTheAccountButNotTheAddress() {
        var agent = newAgent(AgentRole.AGENT);
        for (int i = 0; i < 4; i++) {
            ApiClient.basic(port, agent.username(), "guess " + i).get("/api/v1/tickets");
        }
        assertThat(ApiClient.basic(port, agent.username(), PASSWORD)
                        .get("/api/v1/tickets?limit=1")
                        .status())
                .isEqualTo(200);
        assertThat(ApiClient.basic(port, agent.username(), "guess again")
                        .get("/api/v1/tickets")
                        .status())
                .isEqualTo(401);
        assertThat(ApiClient.basic(port, agent.username(), PASSWORD)
                        .get("/api/v1/tickets?limit=1")
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from sign_in_failure where address = '127.0.0.1'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
    }
}

package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx problem naming what was wrong, never a 500, never a class name, a library limit or SQL. */
class BadInputIT extends ApiTest {
    private ApiClient api;
    private String token;

    @BeforeEach
    void agent() {
        var agent = newAgent(AgentRole.AGENT);
        token = tokenService.create("bad input", agent.id()).secret();
        api = ApiClient.bearer(port, token);
    }

    @Test
    void nulCharactersAreRefusedWithTheField() {
        var body = api.postRaw("/api/v1/tickets", """
                {"subject": "nul \\u0000 here", "body": "b", "requester": {"email": "ada@example.com"}}""");
        assertProblem(body, 400).contains("subject");
        assertThat(body.json().get("errors").get(0).get("field").asString()).isEqualTo("subject");

        var query = api.get("/api/v1/tickets?q=a%00b");
        assertProblem(query, 400).contains("'q'");
        assertProblem(api.get("/api/v1/tickets?q=%c0%af"), 400).contains("UTF-8");
    }

    @Test
    void jsonIsTypedStrictly() {
        assertProblem(open("\"organizationId\": 1.5"), 400).contains("organizationId");
        assertProblem(api.postRaw("/api/v1/tickets", """
                {"subject": 123, "body": "b", "requester": {"email": "ada@example.com"}}"""), 400).contains("subject");
        assertProblem(api.postRaw("/api/v1/tickets", """
                {"subject": "one", "subject": "two", "body": "b", "requester": {"email": "ada@example.com"}}"""), 400).contains("twice");
        assertProblem(open("\"funded\": \"true\""), 400).contains("funded");
        assertProblem(api.postRaw("/api/v1/tickets", """
                {"subject": "half \\ud800 a pair", "body": "b", "requester": {"email": "ada@example.com"}}"""), 400).contains("subject");
        assertProblem(api.postRaw("/api/v1/tickets", "[1, 2]"), 400).contains("JSON object");
        assertProblem(open("\"organizationId\": 99999999999999999999999"), 400)
                .contains("organizationId")
                .contains("out of range");
    }

    @Test
    void malformedUtf8IsRefusedNotDecodedToSomethingElse() throws Exception {
        byte[] overlongSlash = {(byte) 0xC0, (byte) 0xAF};
        byte[] head = "{\"subject\": \"a".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "b\", \"body\": \"x\", \"requester\": {\"email\": \"ada@example.com\"}}"
                .getBytes(StandardCharsets.UTF_8);
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tickets"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArrays(
                                        java.util.List.of(head, overlongSlash, tail)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UTF-8");
    }

    @Test
    void outOfRangeNumbersAreA400() {
        assertProblem(api.get("/api/v1/sla/stale?hours=99999999999"), 400).contains("hours");
        assertProblem(api.get("/api/v1/sla/at-risk?withinMinutes=9223372036854775807"), 400)
                .contains("withinMinutes");
        assertProblem(api.get("/api/v1/tickets/99999999999999999999"), 400);
    }

    @Test
    void everyErrorIsProblemJson() throws Exception {
        assertProblem(api.get("/api/v1/no-such-thing"), 404);
        assertThat(ApiClient.anonymous(port).get("/error").status())
                .as("nothing went wrong: nothing is there")
                .isEqualTo(404);
        assertProblem(api.delete("/api/v1/tickets"), 405);
        assertProblem(api.postText("/api/v1/tickets", "text/plain", "hello"), 415);
        assertProblem(ApiClient.anonymous(port).postRaw("/api/v1/hooks/github", "{}"), 401);
        var hugeHeader = rawRequest("GET /api/v1/tickets HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(hugeHeader).startsWith("HTTP/1.1 4").containsIgnoringCase("application/problem+json");
        var hugeQuery = api.get("/api/v1/tickets?q=" + "a".repeat(20_000));
        assertThat(hugeQuery.status()).isBetween(400, 499);
        assertThat(hugeQuery.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anIdempotencyKeyReusedForAnotherBodyIs422() {
        var headers = Map.of("Idempotency-Key", unique("key"));
        var first = api.post("/api/v1/tickets", ticket("First"), headers);
        assertThat(first.status()).isEqualTo(201);
        var retry = api.post("/api/v1/tickets", ticket("First"), headers);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asLong())
                .isEqualTo(first.json().get("id").asLong());
        assertProblem(api.post("/api/v1/tickets", ticket("Second"), headers), 422)
                .contains("Idempotency-Key");
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimitByBytesRead() throws Exception {
        // no Content-Length: only counting what is read can stop it
        InputStream endless = new SequenceInputStream(
                new ByteArrayInputStream("{\"subject\": \"".getBytes(StandardCharsets.UTF_8)), new InputStream() {
                    long left = 20L * 1024 * 1024;

                    @Override
                    public int read() {
                        return left-- > 0 ? 'a' : -1;
                    }
                });
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tickets"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    }

    private ApiClient.Response open(String extraField) {
        return api.postRaw(
                "/api/v1/tickets",
                "{\"subject\": \"s\", \"body\": \"b\", \"requester\": {\"email\": \"ada@example.com\"}, " + extraField
                        + "}");
    }

    private static Map<String, Object> ticket(String subject) {
        return Map.of("subject", subject, "body", "b", "requester", Map.of("email", "ada@example.com"));
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body())
                .doesNotContain("org.firstline")
                .doesNotContain("tools.jackson")
                .doesNotContain("java.")
                .doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("select ")
                .doesNotContain("StreamReadConstraints");
        return assertThat(response.json().get("detail").asString() + " " + response.body());
    }

    private String rawRequest(String request) throws Exception {
        try (var socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}

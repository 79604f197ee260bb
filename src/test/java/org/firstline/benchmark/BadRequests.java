package org.firstline.benchmark;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A battery of malformed and hostile requests; counts what came back as a 5xx or as anything but problem+json. */
final class BadRequests {
    record Outcome(int tried, int serverErrors, int notProblems) {}

    private record Bad(String method, String path, String contentType, byte[] body) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Outcome tryAll(int port, String auth) throws Exception {
        int tried = 0, serverErrors = 0, notProblems = 0;
        for (Bad bad : requests()) {
            var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + bad.path()))
                    .header("Authorization", auth)
                    .header("Accept", "application/json")
                    .method(
                            bad.method(),
                            bad.body() == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
            if (bad.contentType() != null) builder.header("Content-Type", bad.contentType());
            var response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            tried++;
            if (response.statusCode() >= 500) {
                serverErrors++;
                System.out.println("5xx: " + bad.method() + " " + bad.path() + " -> " + response.statusCode() + " "
                        + response.body());
            }
            if (response.statusCode() >= 400
                    && !response.headers().firstValue("Content-Type").orElse("").contains("problem+json")) {
                notProblems++;
                System.out.println(
                        "not problem+json: " + bad.method() + " " + bad.path() + " -> " + response.statusCode());
            }
        }
        for (String raw : List.of(
                "GET /api/v1/tickets HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n",
                "GET /api/v1/tickets?" + "a=b&".repeat(5_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                "BREW /api/v1/tickets HTTP/1.1\r\nHost: x\r\n\r\n")) {
            String answer = raw(port, raw);
            tried++;
            if (answer.startsWith("HTTP/1.1 5")) serverErrors++;
            if (!answer.contains("problem+json")) {
                notProblems++;
                System.out.println(
                        "not problem+json (raw): " + answer.lines().findFirst().orElse(""));
            }
        }
        return new Outcome(tried, serverErrors, notProblems);
    }

    private static List<Bad> requests() {
        String json = "application/json";
        List<Bad> list = new ArrayList<>();
        String[] bodies = {
            "",
            "{",
            "[]",
            "null",
            "123",
            "\"x\"",
            "{\"subject\": \"\\u0000\"}",
            "{\"subject\": \"\\ud800\", \"body\": \"b\"}",
            "{\"subject\": 1, \"body\": \"b\", \"requester\": {\"email\": \"a@b.c\"}}",
            "{\"subject\": \"s\", \"body\": \"b\", \"requester\": {\"email\": \"a@b.c\"}, \"organizationId\": 1.5}",
            "{\"subject\": \"s\", \"body\": \"b\", \"requester\": {\"email\": \"a@b.c\"}, \"organizationId\": 99999999999999999999}",
            "{\"subject\": \"s\", \"body\": \"b\", \"requester\": {\"email\": \"a@b.c\"}, \"createdAt\": \"+999999999-12-31T23:59:59Z\"}",
            "{\"subject\": \"s\", \"body\": \"b\", \"requester\": {\"email\": \"a@b.c\"}, \"priority\": \"HUGE\"}",
            "{\"subject\": \"s\", \"subject\": \"t\"}",
            "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}"
        };
        for (String body : bodies) {
            list.add(new Bad("POST", "/api/v1/tickets", json, body.getBytes(StandardCharsets.UTF_8)));
            list.add(new Bad("PATCH", "/api/v1/tickets/1", json, body.getBytes(StandardCharsets.UTF_8)));
            list.add(new Bad("POST", "/api/v1/organizations", json, body.getBytes(StandardCharsets.UTF_8)));
            list.add(new Bad("POST", "/api/v1/webhooks", json, body.getBytes(StandardCharsets.UTF_8)));
        }
        list.add(new Bad("POST", "/api/v1/tickets", json, new byte[] {
            '{', '"', 's', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'
        }));
        list.add(new Bad("POST", "/api/v1/tickets", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
        list.add(new Bad("POST", "/api/v1/tickets", json, new byte[2 * 1024 * 1024]));
        list.add(new Bad(
                "POST",
                "/api/v1/webhooks",
                json,
                "{\"name\": \"x\", \"url\": \"http://169.254.169.254/latest/meta-data\", \"events\": [\"TICKET_OPENED\"]}"
                        .getBytes(StandardCharsets.UTF_8)));
        for (String path : List.of(
                "/api/v1/tickets/99999999999999999999",
                "/api/v1/tickets/-1",
                "/api/v1/tickets/abc",
                "/api/v1/tickets?q=%00",
                "/api/v1/tickets?limit=-5",
                "/api/v1/tickets?limit=99999999999",
                "/api/v1/tickets?cursor=%00%ff",
                "/api/v1/tickets?cursor=not-a-cursor",
                "/api/v1/tickets?status=NOPE",
                "/api/v1/sla/stale?hours=99999999999",
                "/api/v1/sla/at-risk?withinMinutes=-1",
                "/api/v1/sla/compliance?from=2026-13&to=x",
                "/api/v1/audit?entity=ticket&entityId=x",
                "/api/v1/nothing-here",
                "/api/v1/tickets/1/attachments/99999999",
                "/api/v1/sla/calendars/1/preview?start=x")) {
            list.add(new Bad("GET", path, null, null));
        }
        list.add(new Bad("DELETE", "/api/v1/tickets", null, null));
        list.add(new Bad("PUT", "/api/v1/tickets/1", json, "{}".getBytes(StandardCharsets.UTF_8)));
        return list;
    }

    private static String raw(int port, String request) throws Exception {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = socket.getInputStream().read(buffer)) > 0 && out.size() < 65536) out.write(buffer, 0, n);
            } catch (java.net.SocketTimeoutException kept) {
                // keep-alive: what arrived is the answer
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }
}

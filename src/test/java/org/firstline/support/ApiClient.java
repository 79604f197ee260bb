package org.firstline.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running Firstline over real HTTP, as an API client would. */
public class ApiClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String authorization;
    private final HttpClient http;

    private ApiClient(String base, String authorization) {
        this(base, authorization, HTTP);
    }

    private ApiClient(String base, String authorization, HttpClient http) {
        this.base = base;
        this.authorization = authorization;
        this.http = http;
    }

    /** The same client keeping cookies, like a browser: for pages with a session and a CSRF token. */
    public ApiClient withCookies() {
        return new ApiClient(
                base,
                authorization,
                HttpClient.newBuilder()
                        .cookieHandler(new java.net.CookieManager())
                        .build());
    }

    /** Posts a form as a browser does. */
    public Response postForm(String path, Map<String, String> fields) {
        return postForm(path, fields, Map.of());
    }

    /** Posts a form with headers a browser adds, such as Origin or Sec-Fetch-Site. */
    public Response postForm(String path, Map<String, String> fields, Map<String, String> headers) {
        String body = String.join(
                "&",
                fields.entrySet().stream()
                        .map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .toList());
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        if (authorization != null) builder.header("Authorization", authorization);
        return execute(builder.build());
    }

    /** The CSRF token of the first form on a page. */
    public static String csrfToken(String html) {
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    public static ApiClient bearer(int port, String token) {
        return new ApiClient("http://localhost:" + port, "Bearer " + token);
    }

    public static ApiClient basic(int port, String user, String password) {
        return new ApiClient(
                "http://localhost:" + port,
                "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient("http://localhost:" + port, null);
    }

    public record Response(int status, String body, HttpResponse<byte[]> raw) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path) {
        return send(request(path).GET(), Map.of());
    }

    /** A GET that asks for another representation than JSON, e.g. text/plain. */
    public Response get(String path, String accept) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", accept)
                .GET();
        if (authorization != null) builder.header("Authorization", authorization);
        return execute(builder.build());
    }

    public Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        return send(request(path).POST(json(body)), headers);
    }

    public Response put(String path, Object body) {
        return send(request(path).PUT(json(body)), Map.of());
    }

    public Response patch(String path, Object body) {
        return send(request(path).method("PATCH", json(body)), Map.of());
    }

    public Response delete(String path) {
        return send(request(path).DELETE(), Map.of());
    }

    /** Posts raw text as JSON, for malformed bodies. */
    public Response postRaw(String path, String body) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)), Map.of());
    }

    /** Posts a body of another type, such as an iCalendar file. */
    public Response postText(String path, String contentType, String text) {
        return execute(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(text))
                .build());
    }

    public Response postMultipart(String path, String field, String filename, byte[] content) {
        String boundary = "----firstline" + System.nanoTime();
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) builder.header("Authorization", authorization);
        return execute(builder.build());
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json, application/problem+json");
        if (authorization != null) builder.header("Authorization", authorization);
        return builder;
    }

    private Response send(HttpRequest.Builder builder, Map<String, String> headers) {
        builder.header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return execute(builder.build());
    }

    private Response execute(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
    }
}

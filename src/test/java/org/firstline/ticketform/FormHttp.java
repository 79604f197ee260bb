package org.firstline.ticketform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A browser without cookies on the public form: reads the page's view id and form token, posts with headers. */
final class FormHttp {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    FormHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    record Page(String view, String formToken, HttpResponse<String> response) {}

    Page open(String path) throws Exception {
        var response = get(path);
        return new Page(attribute(response.body(), "view"), attribute(response.body(), "formToken"), response);
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> fields, String... headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        if (headers.length > 0) builder.headers(headers);
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The form as a page's script sends it: JSON in answer. */
    HttpResponse<String> send(Page page, Map<String, String> fields) throws Exception {
        var all = new LinkedHashMap<String, String>();
        all.put("view", page.view());
        all.put("formToken", page.formToken());
        all.putAll(fields);
        return post(
                "/request",
                all,
                "Accept",
                "application/json",
                "X-Firstline-Form",
                "1",
                "Sec-Fetch-Site",
                "same-origin");
    }

    static Map<String, String> request(String name, String email, String subject, String description) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("subject", subject);
        fields.put("description", description);
        fields.put("website", "");
        return fields;
    }

    private static String attribute(String html, String name) {
        var m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) throw new IllegalStateException("no " + name + " on the page");
        return m.group(1);
    }

    private static String encode(Map<String, String> fields) {
        return String.join(
                "&",
                fields.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .toList());
    }
}

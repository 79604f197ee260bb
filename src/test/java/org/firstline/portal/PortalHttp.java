package org.firstline.portal;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One browser on the portal: its own cookie jar, forms posted with the page's CSRF token, redirects not followed (so
 * tests see them). Sign-in links are read from the mail the portal queued for the address.
 */
final class PortalHttp {
    static final Pattern LINK = Pattern.compile("http://desk\\.test(/portal/sign-in/[A-Za-z0-9_-]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    PortalHttp(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    HttpResponse<byte[]> bytes(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form taken from the page at {@code formPage}, with that page's CSRF token. */
    HttpResponse<String> postForm(String formPage, String path, Map<String, String> fields) {
        var page = get(formPage);
        var token = CSRF.matcher(page.body());
        if (!token.find()) throw new IllegalStateException("no CSRF token on " + formPage + ": " + page.statusCode());
        var all = new java.util.LinkedHashMap<String, String>(fields);
        all.put("_csrf", token.group(1));
        return post(path, all);
    }

    /** Posts a form as given, token or not. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A multipart form with one file, from the page at {@code formPage}. */
    HttpResponse<String> postMultipart(
            String formPage, String path, Map<String, String> fields, String filename, byte[] file) {
        var page = get(formPage);
        var token = CSRF.matcher(page.body());
        if (!token.find()) throw new IllegalStateException("no CSRF token on " + formPage);
        String boundary = "----portal" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        var all = new java.util.LinkedHashMap<String, String>(fields);
        all.put("_csrf", token.group(1));
        all.forEach((k, v) -> out.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build());
    }

    /** A JSON call to the customer API, with the CSRF header for writes. */
    HttpResponse<String> api(String method, String path, String json) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (!method.equals("GET")) {
            builder.header("Content-Type", "application/json");
            String token = csrfForApi();
            if (token != null) builder.header("X-CSRF-TOKEN", token);
        }
        return send(builder.method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** A JSON write with the token given, as a script that read {@code GET /me} once does. */
    HttpResponse<String> apiWith(String token, String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", token)
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** The CSRF token of the first form on a page. */
    static String csrf(String html) {
        var token = CSRF.matcher(html);
        if (!token.find()) throw new IllegalStateException("no CSRF token");
        return token.group(1);
    }

    String csrfForApi() {
        var me = send(HttpRequest.newBuilder(URI.create(base + "/api/portal/v1/me"))
                .header("Accept", "application/json")
                .GET()
                .build());
        var token = Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(me.body());
        return token.find() ? token.group(1) : null;
    }

    /** Asks for a link on the sign-in page, as a person does. */
    HttpResponse<String> askLink(String email) {
        return postForm("/portal/sign-in", "/portal/sign-in", Map.of("email", email));
    }

    /** The path of the newest sign-in link queued for the address. */
    static String newestLink(JdbcClient jdbc, String email) {
        String body = jdbc.sql("""
                        select body from outbound_email where kind = 'PORTAL_SIGN_IN' and ? = any(recipients)
                        order by id desc limit 1""").param(email).query(String.class).single();
        var link = LINK.matcher(body);
        if (!link.find()) throw new IllegalStateException("no link in " + body);
        return link.group(1);
    }

    /** Signs in as the contact with this address, by the link the portal mails. */
    PortalHttp signIn(JdbcClient jdbc, String email) {
        var asked = askLink(email);
        if (asked.statusCode() != 200) throw new IllegalStateException("asking failed: " + asked.statusCode());
        var opened = get(newestLink(jdbc, email));
        if (opened.statusCode() != 302
                || !"/portal".equals(opened.headers().firstValue("Location").orElse(""))) {
            throw new IllegalStateException("sign-in failed: " + opened.statusCode() + " " + opened.body());
        }
        return this;
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    void addCookie(String name, String value) {
        var cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

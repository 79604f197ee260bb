package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * Public static files may be kept by browsers and proxies for a few minutes (short enough that a new widget.js or
 * stylesheet reaches everyone soon after an upgrade, and revalidated by Last-Modified afterwards); the status page's
 * own HTML and JSON stay short-lived.
 */
class StaticFilesCachingIT extends ApiTest {

    @Test
    void theWidgetAndThePublicStylesheetsAndScriptsAreCacheableForFiveMinutes() {
        var anonymous = ApiClient.anonymous(port);
        for (String path : List.of(
                "/widget.js",
                "/css/status.css",
                "/js/status.js",
                "/css/ticket-form.css",
                "/js/ticket-form.js",
                "/css/app.css",
                "/favicon.svg")) {
            var answer = anonymous.get(path, "*/*");
            assertThat(answer.status()).as(path).isEqualTo(200);
            String cache = answer.header("Cache-Control");
            assertThat(cache).as(path).isNotNull();
            assertThat(cache.replace(" ", "").split(","))
                    .as(path + ": " + cache)
                    .contains("public", "max-age=300")
                    .doesNotContain("no-store", "no-cache", "private");
            assertThat(answer.header("Last-Modified")).as(path).isNotNull();
            assertThat(answer.header("Pragma")).as(path).isNull();
            assertThat(answer.header("Set-Cookie")).as(path).isNull();
        }
    }

    @Test
    void theStatusPageAndItsJsonStayShortLived() {
        var anonymous = ApiClient.anonymous(port);
        assertThat(anonymous.get("/status", "text/html").header("Cache-Control"))
                .contains("max-age=10");
        assertThat(anonymous.get("/status/summary.json").header("Cache-Control"))
                .isEqualTo("max-age=10, public");
    }
}

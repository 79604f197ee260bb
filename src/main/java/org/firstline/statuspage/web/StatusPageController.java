package org.firstline.statuspage.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.firstline.statuspage.internal.PublicPage;
import org.firstline.statuspage.internal.PublicPages;
import org.firstline.statuspage.internal.SubscribeGuard;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The public status page: no sign-in, no session, answered from the board in memory. The page is rendered once for
 * each thing it can show (a reading, the minute of "as of", the state of the maintenance windows) and served as is,
 * with only the subscribe form's token, which is made for each client, put in.
 */
@Controller
class StatusPageController {
    private static final String TOKEN_PLACEHOLDER = "subscribe-token-placeholder";
    // private: the form's token is made for this client's address
    private static final CacheControl CACHE =
            CacheControl.maxAge(java.time.Duration.ofSeconds(10)).cachePrivate();

    private final PublicPages pages;
    private final SubscribeGuard guard;
    private final SpringTemplateEngine templates;
    private volatile @Nullable Rendered last;

    StatusPageController(PublicPages pages, SubscribeGuard guard, SpringTemplateEngine templates) {
        this.pages = pages;
        this.guard = guard;
        this.templates = templates;
    }

    private record Rendered(PublicPage page, String html) {}

    /**
     * Anything else under /status is answered here rather than by the error page, which belongs to the agents' side
     * and would look for a session, in the database.
     */
    @org.springframework.web.bind.annotation.RequestMapping("/status/**")
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(404)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CACHE)
                .body("Not found. The status page is at /status.");
    }

    @GetMapping({"/status", "/status/"})
    ResponseEntity<String> page(HttpServletRequest request, HttpServletResponse response) {
        PublicPage page = pages.current();
        Rendered rendered = last;
        if (rendered == null || !rendered.page().equals(page)) {
            var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                    .buildExchange(request, response);
            var context =
                    new WebContext(exchange, Locale.ENGLISH, Map.of("page", page, "formToken", TOKEN_PLACEHOLDER));
            rendered = new Rendered(page, templates.process("statuspage/status", context));
            last = rendered;
        }
        return ResponseEntity.ok()
                .cacheControl(CACHE)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(rendered.html().replace(TOKEN_PLACEHOLDER, guard.newToken(request)));
    }
}

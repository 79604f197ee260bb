package org.firstline.ticketform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.firstline.incident.PublicIncident;
import org.firstline.incident.PublicUpdate;
import org.firstline.incident.StatusBoard;
import org.firstline.platform.LiveChannel;
import org.firstline.platform.MarkdownRenderer;
import org.firstline.ticketform.DeflectionRules;
import org.firstline.ticketform.Suggestion;
import org.firstline.ticketform.internal.FormViews;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the form asks while someone types, all answered from memory so it keeps answering while PostgreSQL is down:
 * the open incidents (the status board's last reading), a stream that says when they change on any node, keyword
 * suggestions, and the view's counts (buffered by {@link FormViews}).
 *
 * <p>The banner follows changes by Server-Sent Events rather than polling: an incident declared on another node
 * reaches every node by NOTIFY within milliseconds, and a poll would have to run every few hundred milliseconds on
 * every open form to show it within a second. The stream only says "changed"; the page then reads the banner.
 */
@RestController
class FormLiveController {
    static final int MAX_TEXT = 20_000;

    private final StatusBoard board;
    private final MarkdownRenderer markdown;
    private final LiveChannel live;
    private final DeflectionRules rules;
    private final FormViews views;

    FormLiveController(
            StatusBoard board, MarkdownRenderer markdown, LiveChannel live, DeflectionRules rules, FormViews views) {
        this.board = board;
        this.markdown = markdown;
        this.live = live;
        this.rules = rules;
        this.views = views;
    }

    @GetMapping("/request/banner")
    ResponseEntity<Map<String, Object>> banner(@RequestParam(required = false) @Nullable String view) {
        var status = board.current();
        List<Map<String, Object>> incidents = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (PublicIncident incident : status.unresolved()) {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("id", incident.id());
            shown.put("title", incident.title());
            shown.put("status", incident.status().apiValue());
            shown.put("impact", incident.impact().apiValue());
            PublicUpdate latest = incident.latest();
            if (latest != null) {
                // sanitized by the one renderer: the page may insert it as HTML
                shown.put("updateHtml", markdown.html(latest.body()));
                shown.put("updatedAt", latest.postedAt().toString());
            }
            incidents.add(shown);
            ids.add(incident.id());
        }
        UUID id = FormInput.view(view);
        if (id != null) views.bannerShown(id, ids);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(Map.of("readAt", status.readAt().toString(), "incidents", incidents));
    }

    @GetMapping("/request/live")
    SseEmitter live() {
        return live.subscribe(payload -> payload.startsWith("status:"));
    }

    @PostMapping("/request/suggestions")
    ResponseEntity<Map<String, Object>> suggestions(
            @RequestParam(required = false) @Nullable String view,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String subject) {
        long started = System.nanoTime();
        String typed = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        List<Suggestion> found = rules.suggest(
                typed,
                FormInput.oneLine(email),
                FormInput.oneLine(subject.length() > 500 ? subject.substring(0, 500) : subject));
        UUID id = FormInput.view(view);
        if (id != null)
            views.suggestionsShown(id, found.stream().map(Suggestion::ruleId).toList());
        // the matching's own time, for the benchmark and the browser's network panel
        double millis = (System.nanoTime() - started) / 1e6;
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Server-Timing", String.format(java.util.Locale.ROOT, "match;dur=%.3f", millis))
                .body(Map.of("suggestions", found));
    }

    /** The page was left (sent by {@code navigator.sendBeacon} on pagehide). */
    @PostMapping("/request/views/{view}/left")
    ResponseEntity<Void> left(@PathVariable String view) {
        UUID id = FormInput.view(view);
        if (id != null) views.left(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/request/views/{view}/clicks/{ruleId}")
    ResponseEntity<Void> clicked(@PathVariable String view, @PathVariable long ruleId) {
        UUID id = FormInput.view(view);
        if (id != null) views.clicked(id, ruleId);
        return ResponseEntity.noContent().build();
    }
}

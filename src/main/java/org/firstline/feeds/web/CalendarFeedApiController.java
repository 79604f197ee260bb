package org.firstline.feeds.web;

import java.time.Duration;
import java.util.List;
import org.firstline.feeds.CalendarFeedForm;
import org.firstline.feeds.CalendarFeedView;
import org.firstline.feeds.CalendarFeeds;
import org.firstline.feeds.CreatedCalendarFeed;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calendar subscriptions: made, listed and revoked by signed-in agents; the {@code .ics} address itself answers
 * without sign-in because calendar apps cannot sign in — its token is the credential.
 */
@RestController
@RequestMapping("/api/v1/calendar-feeds")
class CalendarFeedApiController {
    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar; charset=utf-8");

    private final CalendarFeeds feeds;

    CalendarFeedApiController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedCalendarFeed create(@AuthenticationPrincipal AgentPrincipal who, @RequestBody CalendarFeedForm form) {
        return feeds.create(who, form);
    }

    @GetMapping
    List<CalendarFeedView> list(@AuthenticationPrincipal AgentPrincipal who) {
        return feeds.list(who);
    }

    @DeleteMapping("/{id:\\d+}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal AgentPrincipal who, @PathVariable long id) {
        feeds.revoke(who, id);
    }

    @GetMapping("/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        String body;
        try {
            if (!token.matches("[A-Za-z0-9_-]{20,100}")) throw new NotFoundException("No such calendar feed.");
            body = feeds.render(token);
        } catch (NotFoundException e) {
            // answered here, not by the error handler: calendar apps ask for text/calendar only, and a problem
            // negotiated against that would not be a 404
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                            + "\"detail\":\"No such calendar feed.\"}");
        }
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                // calendar apps poll; an hour keeps them fresh without each poll replanning anything
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(body);
    }
}

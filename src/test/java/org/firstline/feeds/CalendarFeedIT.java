package org.firstline.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.firstline.directory.AgentView;
import org.firstline.platform.AgentRole;
import org.firstline.rota.MemberForm;
import org.firstline.rota.RotaPublishing;
import org.firstline.rota.RotationForm;
import org.firstline.rota.RotationView;
import org.firstline.rota.Rotations;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A rota's and a person's shifts as calendar subscriptions at secret addresses. */
class CalendarFeedIT extends ApiTest {
    @Autowired
    Rotations rotations;

    @Autowired
    RotaPublishing publishing;

    @Autowired
    org.firstline.rota.RotaOverrides overrides;

    @Autowired
    org.firstline.rota.OutOfOffice outOfOffice;

    private RotationView onCall(String name, List<AgentView> people) {
        var rotation = rotations.create(new RotationForm(
                name, null, "TRIAGE_DESK", "WEDNESDAY", "10:00", "Europe/London", 7, null, null, null, null));
        rotations.setMembers(
                rotation.id(),
                people.stream().map(p -> new MemberForm(p.id(), null, false)).toList());
        publishing.publish(rotation.id(), true);
        return rotations.get(rotation.id());
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/api/v1/"));
    }

    @Test
    void aPersonsFeedHasEveryShiftOfTheirsWithRemindersAndParsesBack() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        var ann = newAgent(AgentRole.AGENT);
        var bob = newAgent(AgentRole.AGENT);
        // a long name in another script: folding must count octets, not characters
        var rotation = onCall(unique("Дежурство по сортировке заявок для всей команды"), List.of(ann, bob));

        var created = api(ann).post("/api/v1/calendar-feeds", map());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String url = created.json().get("url").asString();
        assertThat(created.json().get("feed").get("agentId").asLong()).isEqualTo(ann.id());

        var feed = ApiClient.anonymous(port).get(path(url), "text/calendar");
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar").contains("charset=utf-8");
        assertThat(feed.header("Cache-Control")).contains("max-age=3600");
        String text = new String(feed.raw().body(), StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n").doesNotContain("\n\n");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }

        ICalendar ical = Biweekly.parse(text).first();
        assertThat(ical.getProductId().getValue()).contains("Firstline");
        assertThat(ical.getMethod().getValue()).isEqualTo("PUBLISH");
        assertThat(ical.getCalendarScale().getValue()).isEqualTo("GREGORIAN");
        assertThat(text).contains("VERSION:2.0").contains("X-WR-CALNAME:Shifts: " + ann.displayName());
        List<VEvent> events = ical.getEvents();
        // ann has every other week from 2 December up to the horizon, three months and more
        assertThat(events).hasSizeGreaterThanOrEqualTo(6);
        var shifts = rotations.shifts(rotation.id(), clock.instant(), rotations.horizon(rotation.id())).stream()
                .filter(s -> Long.valueOf(ann.id()).equals(s.agentId()))
                .toList();
        assertThat(events).hasSize(shifts.size());
        var first = events.getFirst();
        assertThat(first.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(first.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2026-12-09T10:00:00Z"));
        assertThat(first.getSummary().getValue()).isEqualTo("Triage desk: " + rotation.name());
        assertThat(first.getDescription().getValue()).contains(rotation.name()).contains("Wednesday at 10:00");
        assertThat(first.getUid().getValue()).isEqualTo("rota-" + rotation.id() + "-0@firstline");
        assertThat(text).contains("DTSTART:20261202T100000Z");
        assertThat(first.getAlarms()).hasSize(2);
        assertThat(first.getAlarms())
                .extracting(a -> a.getTrigger().getDuration().toString())
                .containsExactly("-P1D", "-PT1H");
        // bob's weeks are not in ann's feed
        assertThat(events)
                .noneMatch(e -> e.getDateStart().getValue().toInstant().equals(Instant.parse("2026-12-09T10:00:00Z")));

        // the same shift keeps its UID when the feed is fetched again later
        clock.advance(Duration.ofDays(1));
        var again =
                Biweekly.parse(ApiClient.anonymous(port).get(path(url)).body()).first();
        assertThat(again.getEvents().getFirst().getUid().getValue())
                .isEqualTo(first.getUid().getValue());
    }

    @Test
    void aPersonsFeedFollowsOverridesSwapsAndOutOfOffice() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        var ann = newAgent(AgentRole.AGENT);
        var bob = newAgent(AgentRole.AGENT);
        var rotation = onCall(unique("Exterminator"), List.of(ann, bob));
        // bob covers two days in the middle of ann's first week (2-9 December)
        overrides.add(
                rotation.id(),
                new org.firstline.rota.OverrideForm(
                        null, "2026-12-04T10:00:00Z", "2026-12-06T10:00:00Z", ann.id(), bob.id()));
        // ann is away for the whole of her second week (16-23 December)
        outOfOffice.add(ann.id(), "2026-12-16T00:00:00Z", "2026-12-24T00:00:00Z", "holiday");

        var annFeed = feedOf(ann);
        var annEvents = annFeed.getEvents().stream()
                .filter(e -> e.getDateStart().getValue().toInstant().isBefore(Instant.parse("2026-12-30T00:00:00Z")))
                .toList();
        assertThat(annEvents)
                .extracting(e -> e.getDateStart().getValue().toInstant() + "/"
                        + e.getDateEnd().getValue().toInstant())
                .as("the first week cut around bob's two days; the second week away")
                .containsExactly(
                        "2026-12-02T10:00:00Z/2026-12-04T10:00:00Z", "2026-12-06T10:00:00Z/2026-12-09T10:00:00Z");
        assertThat(annEvents)
                .extracting(e -> e.getUid().getValue())
                .containsExactly("rota-" + rotation.id() + "-0@firstline", "rota-" + rotation.id() + "-0-1@firstline");
        assertThat(annEvents.getFirst().getDescription().getValue()).contains("the rest is covered");

        var bobEvents = feedOf(bob).getEvents();
        assertThat(bobEvents)
                .filteredOn(e -> e.getDateStart().getValue().toInstant().equals(Instant.parse("2026-12-04T10:00:00Z")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
                    assertThat(e.getDescription().getValue()).contains("Covering for " + ann.displayName());
                    assertThat(e.getAlarms()).hasSize(2);
                });
    }

    private ICalendar feedOf(AgentView agent) {
        var created = api(agent).post("/api/v1/calendar-feeds", map());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Biweekly.parse(ApiClient.anonymous(port)
                        .get(path(created.json().get("url").asString()))
                        .body())
                .first();
    }

    @Test
    void aRotasFeedNamesWhoIsOnAndHasNoReminders() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        var ann = newAgent(AgentRole.AGENT);
        var bob = newAgent(AgentRole.AGENT);
        var rotation = onCall(unique("Exterminator; nights, weekends"), List.of(ann, bob));

        assertThat(api(ann).post("/api/v1/calendar-feeds", map("rotationId", rotation.id()))
                        .status())
                .isEqualTo(403);
        var created = api(AgentRole.ADMIN).post("/api/v1/calendar-feeds", map("rotationId", rotation.id()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String feedText = ApiClient.anonymous(port)
                .get(path(created.json().get("url").asString()))
                .body();
        assertThat(feedText)
                .as("the calendar's name escaped as text")
                .contains("X-WR-CALNAME:" + rotation.name().replace(";", "\\;").replace(",", "\\,"));
        var ical = Biweekly.parse(feedText).first();
        var events = ical.getEvents();
        assertThat(events.get(0).getSummary().getValue())
                .isEqualTo("Triage desk: " + rotation.name() + " — " + ann.displayName());
        assertThat(events.get(1).getSummary().getValue())
                .isEqualTo("Triage desk: " + rotation.name() + " — " + bob.displayName());
        assertThat(events).allMatch(e -> e.getAlarms().isEmpty());
        // from 30 days back to at least three months ahead
        clock.advance(Duration.ofDays(20));
        rotations.extendHorizons();
        var later = Biweekly.parse(ApiClient.anonymous(port)
                        .get(path(created.json().get("url").asString()))
                        .body())
                .first()
                .getEvents();
        assertThat(later.getFirst().getDateStart().getValue().toInstant())
                .isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(later.getLast().getDateEnd().getValue().toInstant()).isAfter(Instant.parse("2027-03-21T09:00:00Z"));
    }

    @Test
    void aRevokedOrWrongTokenIsNotFoundAndOnlyTheHashIsKept() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        var ann = newAgent(AgentRole.AGENT);
        var created = api(ann).post("/api/v1/calendar-feeds", map());
        String url = created.json().get("url").asString();
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
        assertThat(ApiClient.anonymous(port).get(path(url)).status()).isEqualTo(200);

        var listed = api(ann).get("/api/v1/calendar-feeds");
        assertThat(listed.body()).doesNotContain(token);
        assertThat(listed.json().get(0).get("id").asLong())
                .isEqualTo(created.json().get("feed").get("id").asLong());

        var wrong = ApiClient.anonymous(port).get("/api/v1/calendar-feeds/" + "A".repeat(43) + ".ics");
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(ApiClient.anonymous(port)
                        .get("/api/v1/calendar-feeds/nope.ics")
                        .status())
                .isEqualTo(404);

        long id = created.json().get("feed").get("id").asLong();
        // someone else cannot revoke it
        assertThat(api(newAgent(AgentRole.AGENT))
                        .delete("/api/v1/calendar-feeds/" + id)
                        .status())
                .isEqualTo(404);
        assertThat(api(ann).delete("/api/v1/calendar-feeds/" + id).status()).isEqualTo(204);
        assertThat(ApiClient.anonymous(port).get(path(url)).status()).isEqualTo(404);
        // as a calendar app asks
        var revoked = ApiClient.anonymous(port).get(path(url), "text/calendar");
        assertThat(revoked.status()).isEqualTo(404);
        assertThat(revoked.header("Content-Type")).contains("application/problem+json");
        // listing needs sign-in; only the .ics address is open
        assertThat(ApiClient.anonymous(port).get("/api/v1/calendar-feeds").status())
                .isEqualTo(401);
    }

    @Test
    void invalidRequestsAreProblems() {
        var ann = newAgent(AgentRole.AGENT);
        var unknownRota = api(AgentRole.ADMIN).post("/api/v1/calendar-feeds", map("rotationId", 987654321L));
        assertThat(unknownRota.status()).isEqualTo(400);
        assertThat(unknownRota.header("Content-Type")).contains("application/problem+json");
        assertThat(unknownRota.body()).contains("rotationId");
        var both = api(AgentRole.ADMIN).post("/api/v1/calendar-feeds", map("rotationId", 1L, "agentId", ann.id()));
        assertThat(both.status()).isEqualTo(400);
        assertThat(api(ann).post("/api/v1/calendar-feeds", map("agentId", ann.id() + 100000))
                        .status())
                .isEqualTo(403);
        var unknownField = api(ann).post("/api/v1/calendar-feeds", map("rota", 1));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body()).contains("rota");
    }

    @Test
    void theOnCallPageLeadsToASubscribeButtonThatShowsTheAddressOnce() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        var ann = newAgent(AgentRole.AGENT);
        onCall(unique("Exterminator"), List.of(ann));
        var browser = signedIn(ann);
        assertThat(browser.get("/oncall", "text/html").body()).contains("href=\"/calendar-feeds\"");
        String page = browser.get("/calendar-feeds", "text/html").body();
        assertThat(page).contains("My shifts").doesNotContain("A rota</h2>");
        var made = browser.postForm("/calendar-feeds", java.util.Map.of("_csrf", ApiClient.csrfToken(page)));
        assertThat(made.status()).isEqualTo(200);
        var url = java.util.regex.Pattern.compile("value=\"[^\"]*(/api/v1/calendar-feeds/[A-Za-z0-9_-]+\\.ics)\"")
                .matcher(made.body());
        assertThat(url.find()).as(made.body()).isTrue();
        var ical = Biweekly.parse(ApiClient.anonymous(port)
                        .get(url.group(1), "text/calendar")
                        .body())
                .first();
        assertThat(ical.getEvents()).isNotEmpty();
        // listed afterwards without the address
        assertThat(browser.get("/calendar-feeds", "text/html").body()).doesNotContain(url.group(1));
    }
}

package org.firstline.oncall;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firstline.directory.AgentResponsibilities;
import org.firstline.oncall.internal.OnCallHours;
import org.firstline.oncall.internal.ToilStore;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AgentRole;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time off in lieu (dxw): Firstline proposes an episode for each hour of out-of-hours pages a person got; they
 * confirm whether it woke them and how long they worked; their delivery lead approves; approved claims go to the HR
 * system. The rules are {@link ToilRules}; only work outside the paging policy's hours counts.
 */
@Service
public class TimeOffInLieu {
    private final ToilStore store;
    private final OnCallHours hours;
    private final AgentResponsibilities responsibilities;
    private final Clock clock;

    TimeOffInLieu(ToilStore store, OnCallHours hours, AgentResponsibilities responsibilities, Clock clock) {
        this.store = store;
        this.hours = hours;
        this.responsibilities = responsibilities;
        this.clock = clock;
    }

    /** A person's episodes whose first page falls in [from, to), with their claims. */
    public List<ToilEpisode> episodes(long agentId, Instant from, Instant to) {
        // pages up to an hour before "from" may open an episode that the period's first pages join
        var pages = store.outOfHoursPages(agentId, from.minus(ToilRules.EPISODE), to);
        Map<Instant, ToilClaimView> claims = store.claimsByStart(agentId);
        var out = new ArrayList<ToilEpisode>();
        for (var episode : ToilRules.episodes(pages)) {
            if (episode.firstPage().isBefore(from)) continue;
            out.add(new ToilEpisode(
                    agentId,
                    episode.firstPage(),
                    episode.pages(),
                    ToilRules.days(false, 0),
                    claims.get(episode.firstPage())));
        }
        return out;
    }

    @Transactional
    public ToilClaimView confirm(long agentId, ToilClaimForm form, AgentPrincipal actor) {
        if (actor.id() != agentId && actor.role() != AgentRole.ADMIN) {
            throw new AccessDeniedException("People confirm their own time off in lieu.");
        }
        Instant start = instant("episodeStart", form.episodeStart());
        if (form.woke() == null) throw new InvalidRequestException("woke", "is required");
        int minutes = form.minutesWorked() == null ? 0 : form.minutesWorked();
        if (minutes < 0 || minutes > 1440)
            throw new InvalidRequestException("minutesWorked", "must be between 0 and 1440");
        var episode = episodes(agentId, start, start.plusSeconds(1)).stream()
                .filter(e -> e.firstPage().equals(start))
                .findFirst()
                .orElseThrow(() ->
                        new InvalidRequestException("episodeStart", "no episode of out-of-hours pages starts then"));
        if (episode.claim() != null && !episode.claim().status().equals("CONFIRMED")) {
            throw new ConflictException(
                    "This claim was " + episode.claim().status().toLowerCase() + " already.");
        }
        Long calendar = store.calendarOfPage(agentId, start);
        long outside = ToilRules.outOfHoursMinutes(start, minutes, t -> hours.inHours(calendar, t));
        var days = ToilRules.days(form.woke(), outside);
        return store.saveClaim(
                agentId, start, episode.pages().size(), form.woke(), minutes, (int) outside, days, clock.instant());
    }

    /** The claimant's delivery lead (or an admin) approves or rejects; a person never decides their own. */
    @Transactional
    public ToilClaimView decide(long claimId, boolean approve, AgentPrincipal actor) {
        var claim =
                store.claim(claimId).orElseThrow(() -> new NotFoundException("Claim " + claimId + " does not exist."));
        Long lead = responsibilities.of(claim.agentId()).deliveryLeadId();
        boolean isLead = lead != null && lead == actor.id();
        if (claim.agentId() == actor.id() || !(isLead || actor.role() == AgentRole.ADMIN)) {
            throw new AccessDeniedException("Only the claimant's delivery lead or an admin decides a claim.");
        }
        if (!claim.status().equals("CONFIRMED")) {
            throw new ConflictException("This claim was " + claim.status().toLowerCase() + " already.");
        }
        store.decide(claimId, approve, actor.id(), clock.instant());
        return store.claim(claimId).orElseThrow();
    }

    public List<ToilClaimView> claims(Optional<Long> agentId, Instant from, Instant to, Optional<String> status) {
        return store.claims(agentId, from, to, status);
    }

    public static Instant instant(String field, @org.jspecify.annotations.Nullable String text) {
        if (text == null || text.isBlank()) throw new InvalidRequestException(field, "is required");
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date-time like 2026-12-02T03:00:00Z");
        }
    }
}

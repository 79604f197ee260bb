package org.firstline.survey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Optional;
import org.firstline.platform.FirstlineSettings;
import org.firstline.platform.LinkTokens;
import org.firstline.platform.NotFoundException;
import org.firstline.survey.internal.SurveyStore;
import org.firstline.ticket.TicketService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction surveys: one goes with each resolution mail (never with a ticket closed directly); the requester
 * answers by its link, or in the customer portal. The first answer stands, a later one within 7 days replaces it on
 * the same survey, and only a ticket's newest survey can be answered.
 */
@Service
public class SatisfactionSurveys {
    private final SurveyStore store;
    private final TicketService tickets;
    private final Clock clock;
    private final String publicUrl;

    SatisfactionSurveys(SurveyStore store, TicketService tickets, Clock clock, FirstlineSettings settings) {
        this.store = store;
        this.tickets = tickets;
        this.clock = clock;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    /**
     * A new survey for the ticket, crediting its owner, team and organization as they are now; called in the
     * transaction that queues the resolution mail, which carries the returned links.
     */
    @Transactional
    public SurveyInvitation invite(long ticketId) {
        var ticket = tickets.get(ticketId);
        String token = LinkTokens.token();
        long id = store.insert(
                ticketId,
                LinkTokens.hash(token),
                ticket.requesterId(),
                ticket.ownerId(),
                ticket.teamId(),
                ticket.organizationId(),
                clock.instant());
        String page = publicUrl + "/survey/" + token;
        var links = new ArrayList<String>();
        var text = new StringBuilder("How did we do? One click rates our help from 1 (poor) to 5 (great):\n");
        for (int rating = 1; rating <= 5; rating++) {
            links.add(page + "?rating=" + rating);
            text.append(rating)
                    .append(": ")
                    .append(page)
                    .append("?rating=")
                    .append(rating)
                    .append('\n');
        }
        return new SurveyInvitation(id, token, page, java.util.List.copyOf(links), text.toString());
    }

    /**
     * Takes back the ticket's newest survey while it is unanswered: its resolution mail was withdrawn before it was
     * sent, so nobody was asked.
     */
    @Transactional
    public void withdrawUnanswered(long ticketId) {
        store.deleteNewestUnanswered(ticketId);
    }

    /** The survey behind a link, for its page; empty for a token that was never sent. */
    public Optional<SurveyLink> byToken(String token) {
        return store.byTokenHash(LinkTokens.hash(token))
                .map(row -> new SurveyLink(row.ticketNumber(), row.subject(), row.newest(), view(row)));
    }

    /**
     * Whether someone other than {@code contactId} answered the ticket's newest survey: the requester (by link or in
     * the portal) or another representative. The portal shows a representative only a survey nobody else answered.
     */
    public boolean answeredByAnother(long ticketId, long contactId) {
        return store.answeredByAnother(
                ticketId, contactId, tickets.get(ticketId).requesterId());
    }

    /** The ticket's newest survey, answered or not; empty when none was sent. */
    public Optional<SurveyView> forTicket(long ticketId) {
        return store.newest(ticketId).map(SatisfactionSurveys::view);
    }

    /**
     * Records the answer given with a survey's link.
     *
     * @throws org.firstline.platform.InvalidRequestException for a rating outside 1–5 or a comment over 2,000 characters
     * @throws NotFoundException for a token that was never sent
     * @throws org.firstline.platform.ConflictException when the survey is no longer the ticket's newest, or its first
     *     answer is more than 7 days old
     */
    @Transactional
    public SurveyView answer(String token, int rating, @Nullable String comment) {
        AnswerRules.check(rating, comment);
        var row = store.lockByTokenHash(LinkTokens.hash(token))
                .orElseThrow(() -> new NotFoundException("This survey link is not valid. It may have been mistyped."));
        return record(row, rating, comment, null);
    }

    /**
     * Records a contact's answer to the ticket's newest survey, for the customer portal, which has checked that the
     * contact may see the ticket. Refused as {@link #answer} refuses.
     *
     * @throws NotFoundException when the ticket has no survey
     */
    @Transactional
    public SurveyView answerAsContact(long ticketId, long contactId, int rating, @Nullable String comment) {
        AnswerRules.check(rating, comment);
        var row = store.lockNewest(ticketId)
                .orElseThrow(() -> new NotFoundException(
                        "Ticket " + ticketId + " has no satisfaction survey: it goes with the resolution mail."));
        return record(row, rating, comment, contactId);
    }

    private SurveyView record(SurveyStore.Row row, int rating, @Nullable String comment, @Nullable Long contactId) {
        var now = clock.instant();
        var outcome = AnswerRules.decide(row.firstAnsweredAt(), row.newest(), now);
        if (outcome == AnswerRules.Outcome.SUPERSEDED || outcome == AnswerRules.Outcome.TOO_LATE) {
            throw AnswerRules.refusal(outcome, row.firstAnsweredAt());
        }
        store.saveAnswer(row.id(), rating, AnswerRules.comment(comment), contactId, now);
        return view(store.get(row.id()));
    }

    private static SurveyView view(SurveyStore.Row row) {
        return new SurveyView(
                row.id(),
                row.ticketId(),
                row.agentId(),
                row.teamId(),
                row.organizationId(),
                row.sentAt(),
                row.answeredAt() != null,
                row.rating(),
                row.comment(),
                row.firstAnsweredAt(),
                row.answeredAt(),
                Math.max(0, row.answerCount() - 1),
                AnswerRules.changeableUntil(row.firstAnsweredAt()));
    }
}

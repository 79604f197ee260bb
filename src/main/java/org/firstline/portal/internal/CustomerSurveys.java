package org.firstline.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.firstline.survey.SatisfactionSurveys;
import org.firstline.survey.SurveyQuestion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The satisfaction survey of a resolved ticket in the portal: the same question as the resolution mail's links ask,
 * answered once and changeable for 7 days.
 */
@Component
public class CustomerSurveys {
    /** The survey as a customer sees it: no agent, team or internal id. */
    public record Answer(
            boolean open,
            boolean answered,
            @Nullable Integer rating,
            @Nullable String comment,
            @Nullable Instant answeredAt,
            @Nullable Instant changeableUntil) {}

    private final CustomerTickets tickets;
    private final SatisfactionSurveys surveys;
    private final Clock clock;

    CustomerSurveys(CustomerTickets tickets, SatisfactionSurveys surveys, Clock clock) {
        this.tickets = tickets;
        this.surveys = surveys;
        this.clock = clock;
    }

    /**
     * The question to show on the ticket's page, once a resolution sent one (also after "not fixed" sent it back): to
     * the person who asked, and to a representative of its organization while nobody else has answered it (2i2c's
     * representatives answer for their community), never showing or changing someone else's rating.
     */
    public Optional<SurveyQuestion> question(Customer customer, CustomerTickets.Ticket ticket) {
        if (!ticket.asked() && surveys.answeredByAnother(ticket.id(), customer.contactId())) return Optional.empty();
        return surveys.forTicket(ticket.id()).map(s -> SurveyQuestion.of(s, true, clock.instant(), null, null));
    }

    public Optional<Answer> answerOf(Customer customer, CustomerTickets.Ticket ticket) {
        return question(customer, ticket).map(CustomerSurveys::answer);
    }

    public Answer answer(Customer customer, long number, int rating, @Nullable String comment) {
        var ticket = tickets.get(customer, number);
        if (question(customer, ticket).isEmpty()) {
            throw new org.firstline.platform.ConflictException(
                    "This request has no satisfaction survey for you: it comes with the resolution, and someone else may"
                            + " have answered it already.");
        }
        surveys.answerAsContact(ticket.id(), customer.contactId(), rating, comment);
        return answerOf(customer, ticket).orElseThrow();
    }

    private static Answer answer(SurveyQuestion question) {
        var survey = question.survey();
        return new Answer(
                question.open(),
                survey.answered(),
                survey.rating(),
                survey.comment(),
                survey.answeredAt(),
                survey.changeableUntil());
    }
}

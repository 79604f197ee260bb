package org.firstline.survey.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.survey.ReportGrouping;
import org.firstline.survey.ReportPeriod;
import org.firstline.survey.ReportRange;
import org.firstline.survey.SatisfactionReport;
import org.firstline.survey.SatisfactionRow;
import org.firstline.survey.SatisfactionSurveys;
import org.firstline.survey.SurveyView;
import org.firstline.ticket.TicketService;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Satisfaction over the API: a ticket's survey, the report, and answering with a survey's token (the token is the
 * credential, as in the mail's link, so that a survey can also be answered from a form of the customer's own).
 */
@RestController
@RequestMapping("/api/v1")
class SatisfactionApiController {
    /** An answer sent with the survey's token. */
    record AnswerRequest(
            @Nullable String token,
            @Nullable Integer rating,
            @Nullable String comment) {}

    private final SatisfactionSurveys surveys;
    private final SatisfactionReport report;
    private final TicketService tickets;
    private final Clock clock;

    SatisfactionApiController(
            SatisfactionSurveys surveys, SatisfactionReport report, TicketService tickets, Clock clock) {
        this.surveys = surveys;
        this.report = report;
        this.tickets = tickets;
        this.clock = clock;
    }

    @GetMapping("/tickets/{id}/satisfaction")
    SurveyView ticket(@PathVariable long id) {
        var ticket = tickets.get(id); // 404 for a ticket that does not exist
        return surveys.forTicket(id)
                .orElseThrow(() -> new NotFoundException("Ticket #" + ticket.number()
                        + " has no satisfaction survey: one goes with the resolution mail."));
    }

    @GetMapping("/satisfaction")
    List<SatisfactionRow> report(
            @RequestParam(defaultValue = "agent") String groupBy,
            @RequestParam(defaultValue = "week") String period,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        var grouping = ReportGrouping.parse(groupBy);
        var periods = ReportPeriod.parse(period);
        var range = ReportRange.of(periods, from, to, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return report.rows(grouping, periods, range);
    }

    @PostMapping("/satisfaction/answers")
    SurveyView answer(@RequestBody AnswerRequest request) {
        if (request.token() == null || request.token().isBlank()) {
            throw new InvalidRequestException("token", "is required: the token of the survey's link");
        }
        if (request.rating() == null) {
            throw new InvalidRequestException("rating", "is required: a whole number from 1 to 5");
        }
        return surveys.answer(request.token(), request.rating(), request.comment());
    }
}

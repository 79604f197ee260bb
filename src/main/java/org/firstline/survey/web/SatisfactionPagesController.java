package org.firstline.survey.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.RefusalMessages;
import org.firstline.survey.ReportGrouping;
import org.firstline.survey.ReportPeriod;
import org.firstline.survey.ReportRange;
import org.firstline.survey.SatisfactionReport;
import org.firstline.survey.SatisfactionSurveys;
import org.firstline.ticket.TicketService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** For agents: the satisfaction panel on the ticket page and the report page. */
@Controller
class SatisfactionPagesController {
    private final SatisfactionSurveys surveys;
    private final SatisfactionReport report;
    private final TicketService tickets;
    private final Clock clock;

    SatisfactionPagesController(
            SatisfactionSurveys surveys, SatisfactionReport report, TicketService tickets, Clock clock) {
        this.surveys = surveys;
        this.report = report;
        this.tickets = tickets;
        this.clock = clock;
    }

    @GetMapping("/satisfaction/tickets/{id}/panel")
    String panel(@PathVariable long id, Model model) {
        tickets.get(id);
        model.addAttribute("satisfaction", surveys.forTicket(id).orElse(null));
        return "survey/panel :: panel";
    }

    @GetMapping("/reports/satisfaction")
    String report(
            @RequestParam(required = false) @Nullable String groupBy,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Model model) {
        model.addAttribute("section", "satisfaction");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        ReportGrouping grouping = ReportGrouping.AGENT;
        ReportPeriod periods = ReportPeriod.WEEK;
        ReportRange range;
        try {
            grouping = groupBy == null ? grouping : ReportGrouping.parse(groupBy);
            periods = period == null ? periods : ReportPeriod.parse(period);
            range = ReportRange.of(periods, from, to, today);
        } catch (InvalidRequestException e) {
            model.addAttribute(
                    "error",
                    RefusalMessages.of(e) + "; showing the last 12 "
                            + (periods == ReportPeriod.WEEK ? "weeks" : "months") + " instead.");
            range = ReportRange.of(periods, null, null, today);
        }
        model.addAttribute("groupings", ReportGrouping.values());
        model.addAttribute("periods", ReportPeriod.values());
        model.addAttribute("groupBy", grouping);
        model.addAttribute("period", periods);
        model.addAttribute("range", range);
        model.addAttribute("rows", report.rows(grouping, periods, range));
        model.addAttribute("comments", report.comments(grouping, range, 30));
        return "survey/report";
    }
}

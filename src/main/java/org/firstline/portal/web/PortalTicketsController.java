package org.firstline.portal.web;

import java.io.IOException;
import java.util.List;
import org.firstline.platform.InvalidRequestException;
import org.firstline.portal.internal.Customer;
import org.firstline.portal.internal.CustomerSurveys;
import org.firstline.portal.internal.CustomerTickets;
import org.firstline.portal.internal.CustomerWrites;
import org.firstline.survey.SurveyQuestion;
import org.firstline.ticket.AttachmentResponses;
import org.firstline.ticket.AttachmentService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The customer's tickets: the list, one ticket's public conversation, replying and answering a resolution. */
@Controller
class PortalTicketsController {
    private final CustomerTickets tickets;
    private final CustomerWrites writes;
    private final AttachmentService attachments;
    private final CustomerSurveys surveys;

    PortalTicketsController(
            CustomerTickets tickets, CustomerWrites writes, AttachmentService attachments, CustomerSurveys surveys) {
        this.tickets = tickets;
        this.writes = writes;
        this.attachments = attachments;
        this.surveys = surveys;
    }

    @GetMapping("/portal")
    String list(
            @AuthenticationPrincipal Customer customer,
            @RequestParam(defaultValue = "OPEN") CustomerTickets.Show show,
            @RequestParam(required = false) @Nullable Long organization,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute("page", tickets.list(customer, show, organization, page));
        model.addAttribute("show", show);
        model.addAttribute("organization", organization);
        return "portal/tickets";
    }

    @GetMapping("/portal/tickets/{number}")
    String ticket(
            @AuthenticationPrincipal Customer customer,
            @PathVariable long number,
            @RequestParam(required = false) @Nullable String done,
            Model model) {
        var ticket = tickets.get(customer, number);
        model.addAttribute("ticket", ticket);
        model.addAttribute("messages", tickets.conversation(ticket));
        model.addAttribute("done", done == null ? null : Outcome.text(done));
        surveys.question(customer, ticket).ifPresent(question -> {
            model.addAttribute("question", question);
            model.addAttribute("surveyAction", "/portal/tickets/" + number + "/rating");
            model.addAttribute("surveyDone", "rated".equals(done));
        });
        return "portal/ticket";
    }

    @PostMapping("/portal/tickets/{number}/rating")
    String rate(
            @AuthenticationPrincipal Customer customer,
            @PathVariable long number,
            @RequestParam(required = false) @Nullable String rating,
            @RequestParam(required = false) @Nullable String comment) {
        Integer chosen = SurveyQuestion.rating(rating);
        if (chosen == null) throw new InvalidRequestException("rating", "choose one of 1 to 5");
        surveys.answer(customer, number, chosen, comment);
        return "redirect:/portal/tickets/" + number + "?done=rated#survey";
    }

    @PostMapping("/portal/tickets/{number}/replies")
    String reply(
            @AuthenticationPrincipal Customer customer,
            @PathVariable long number,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            Model model)
            throws IOException {
        writes.reply(customer, number, body == null ? "" : body, Uploads.of(files));
        return "redirect:/portal/tickets/" + number + "?done=replied";
    }

    @PostMapping("/portal/tickets/{number}/resolution")
    String answer(
            @AuthenticationPrincipal Customer customer,
            @PathVariable long number,
            @RequestParam(required = false) @Nullable String answer) {
        if (!"confirm".equals(answer) && !"not-fixed".equals(answer)) {
            throw new InvalidRequestException("answer", "choose one of the two buttons");
        }
        boolean fixed = "confirm".equals(answer);
        boolean counted = writes.answerResolution(customer, number, fixed);
        return "redirect:/portal/tickets/" + number + "?done="
                + (!counted ? "unchanged" : fixed ? "confirmed" : "reopened");
    }

    @GetMapping("/portal/tickets/{number}/files/{fileId}")
    ResponseEntity<byte[]> file(
            @AuthenticationPrincipal Customer customer, @PathVariable long number, @PathVariable long fileId) {
        var ticket = tickets.get(customer, number);
        return AttachmentResponses.of(attachments.get(tickets.file(ticket, fileId)));
    }

    /** What the page says after a change, by the short word in its address (nothing from the address is shown). */
    enum Outcome {
        REPLIED("Your reply has been added."),
        CONFIRMED("Thank you: the request is closed."),
        RATED(null),
        REOPENED("Thank you: the request is open again and our support team will look at it."),
        UNCHANGED("Nothing was changed: this request no longer waits on your answer."),
        FILED("Your request has been sent to our support team.");

        private final @Nullable String text;

        Outcome(@Nullable String text) {
            this.text = text;
        }

        static @Nullable String text(String word) {
            for (Outcome outcome : values()) {
                if (outcome.name().equalsIgnoreCase(word)) return outcome.text;
            }
            return null;
        }
    }
}

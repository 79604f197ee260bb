package org.firstline.ticket.web;

import java.io.IOException;
import org.firstline.platform.AgentPrincipal;
import org.firstline.ticket.AttachmentResponses;
import org.firstline.ticket.AttachmentService;
import org.firstline.ticket.LinkForm;
import org.firstline.ticket.LinkKind;
import org.firstline.ticket.LinkService;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TimeEntryForm;
import org.firstline.ticket.TimeTrackingService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Form posts for links, time entries, the timer and attachments; attachment downloads for the UI. */
@Controller
class TicketWorkController {
    private final LinkService links;
    private final TimeTrackingService time;
    private final AttachmentService attachments;
    private final TicketService tickets;

    TicketWorkController(
            LinkService links, TimeTrackingService time, AttachmentService attachments, TicketService tickets) {
        this.links = links;
        this.time = time;
        this.attachments = attachments;
        this.tickets = tickets;
    }

    @PostMapping("/tickets/{number}/links")
    String link(
            @TicketId long id,
            @PathVariable long number,
            @RequestParam LinkKind kind,
            @RequestParam(required = false) String target,
            @RequestParam(defaultValue = "false") boolean merge,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        LinkForm form;
        if (kind == LinkKind.EXTERNAL_ISSUE) {
            form = new LinkForm(kind, null, target, false);
        } else {
            String other = target == null ? "" : target.strip().replaceFirst("^#", "");
            long targetId = other.matches("\\d{1,18}")
                    ? tickets.byNumber(Long.parseLong(other))
                            .orElseThrow(() -> new org.firstline.platform.InvalidRequestException(
                                    "ticket", "#" + other + " does not exist"))
                            .id()
                    : -1;
            if (targetId < 0) {
                throw new org.firstline.platform.InvalidRequestException(
                        "ticket", "give the other ticket's number, like #1234");
            }
            form = new LinkForm(kind, targetId, null, merge);
        }
        links.add(id, form, agent);
        flash.addFlashAttribute("notice", merge ? "Merged." : "Link added.");
        return "redirect:/tickets/" + number;
    }

    @PostMapping("/tickets/{number}/links/{linkId}/delete")
    String unlink(
            @TicketId long id,
            @PathVariable long number,
            @PathVariable long linkId,
            @AuthenticationPrincipal AgentPrincipal agent) {
        links.remove(id, linkId, agent);
        return "redirect:/tickets/" + number;
    }

    @PostMapping("/tickets/{number}/time-entries")
    String record(
            @TicketId long id,
            @PathVariable long number,
            @RequestParam int minutes,
            @RequestParam(defaultValue = "false") boolean billable,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        if (minutes < 1 || minutes > 1440) {
            throw new org.firstline.platform.InvalidRequestException("minutes", "must be between 1 and 1440");
        }
        time.record(id, new TimeEntryForm(minutes, billable, note, null), agent);
        flash.addFlashAttribute("notice", minutes + " min recorded.");
        return "redirect:/tickets/" + number;
    }

    @PostMapping("/tickets/{number}/timer/start")
    String startTimer(@TicketId long id, @PathVariable long number, @AuthenticationPrincipal AgentPrincipal agent) {
        time.startTimer(id, agent);
        return "redirect:/tickets/" + number;
    }

    @PostMapping("/tickets/{number}/timer/stop")
    String stopTimer(
            @TicketId long id,
            @PathVariable long number,
            @RequestParam(defaultValue = "false") boolean billable,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var entry = time.stopTimer(id, billable, agent);
        flash.addFlashAttribute("notice", "Timer stopped: " + entry.minutes() + " min recorded.");
        return "redirect:/tickets/" + number;
    }

    @PostMapping("/tickets/{number}/attachments")
    String upload(
            @TicketId long id,
            @PathVariable long number,
            @RequestParam("file") MultipartFile file,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash)
            throws IOException {
        var added = attachments.add(id, null, file.getOriginalFilename(), file.getBytes(), agent);
        flash.addFlashAttribute("notice", added.filename() + " added to the ticket's files.");
        return "redirect:/tickets/" + number;
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        return AttachmentResponses.of(attachments.get(id));
    }
}

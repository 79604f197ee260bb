package org.firstline.ticket.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.AttachmentResponses;
import org.firstline.ticket.AttachmentService;
import org.firstline.ticket.AttachmentView;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.LinkForm;
import org.firstline.ticket.LinkService;
import org.firstline.ticket.LinkView;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageView;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TimeEntryForm;
import org.firstline.ticket.TimeEntryView;
import org.firstline.ticket.TimeTrackingService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The work on a ticket: conversation, attachments, links, time entries and the timer. */
@RestController
@RequestMapping("/api/v1")
class TicketWorkApiController {
    private final TicketService tickets;
    private final ConversationService conversation;
    private final AttachmentService attachments;
    private final LinkService links;
    private final TimeTrackingService time;

    TicketWorkApiController(
            TicketService tickets,
            ConversationService conversation,
            AttachmentService attachments,
            LinkService links,
            TimeTrackingService time) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.attachments = attachments;
        this.links = links;
        this.time = time;
    }

    record TimerState(boolean running, java.time.@Nullable Instant startedAt) {}

    @GetMapping("/tickets/{id}/messages")
    Map<String, List<MessageView>> messages(@PathVariable long id) {
        tickets.get(id);
        return Map.of("items", conversation.messages(id));
    }

    @PostMapping("/tickets/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    MessageView post(
            @PathVariable long id,
            @Valid @RequestBody MessageForm form,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return conversation.post(id, form, agent);
    }

    @GetMapping("/tickets/{id}/attachments")
    Map<String, List<AttachmentView>> attachments(@PathVariable long id) {
        tickets.get(id);
        return Map.of("items", attachments.list(id));
    }

    @PostMapping(path = "/tickets/{id}/attachments", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentView upload(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) Long messageId,
            @AuthenticationPrincipal AgentPrincipal agent)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException("file", "is required");
        }
        return attachments.add(id, messageId, file.getOriginalFilename(), file.getBytes(), agent);
    }

    @GetMapping("/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        return AttachmentResponses.of(attachments.get(id));
    }

    @GetMapping("/tickets/{id}/links")
    Map<String, List<LinkView>> links(@PathVariable long id) {
        tickets.get(id);
        return Map.of("items", links.links(id));
    }

    @PostMapping("/tickets/{id}/links")
    @ResponseStatus(HttpStatus.CREATED)
    LinkView link(
            @PathVariable long id, @Valid @RequestBody LinkForm form, @AuthenticationPrincipal AgentPrincipal agent) {
        return links.add(id, form, agent);
    }

    @DeleteMapping("/tickets/{id}/links/{linkId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(@PathVariable long id, @PathVariable long linkId, @AuthenticationPrincipal AgentPrincipal agent) {
        links.remove(id, linkId, agent);
    }

    @GetMapping("/tickets/{id}/time-entries")
    Map<String, Object> timeEntries(@PathVariable long id) {
        tickets.get(id);
        return Map.of("items", time.entries(id), "totalMinutes", time.totalMinutes(id));
    }

    @PostMapping("/tickets/{id}/time-entries")
    @ResponseStatus(HttpStatus.CREATED)
    TimeEntryView record(
            @PathVariable long id,
            @Valid @RequestBody TimeEntryForm form,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return time.record(id, form, agent);
    }

    @GetMapping("/tickets/{id}/timer")
    TimerState timer(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        var started = time.timerStartedAt(id, agent.id());
        return new TimerState(started.isPresent(), started.orElse(null));
    }

    @PostMapping("/tickets/{id}/timer/start")
    TimerState startTimer(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return new TimerState(true, time.startTimer(id, agent));
    }

    @PostMapping("/tickets/{id}/timer/stop")
    @ResponseStatus(HttpStatus.CREATED)
    TimeEntryView stopTimer(
            @PathVariable long id,
            @RequestParam(defaultValue = "true") boolean billable,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return time.stopTimer(id, billable, agent);
    }
}

package org.firstline.ticket.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.firstline.directory.AgentService;
import org.firstline.directory.AgentView;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.ticket.AuditEntryView;
import org.firstline.ticket.AuditTrail;
import org.firstline.ticket.OpenTicketForm;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.Priority;
import org.firstline.ticket.TicketChange;
import org.firstline.ticket.TicketChanges;
import org.firstline.ticket.TicketPage;
import org.firstline.ticket.TicketQueries;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketType;
import org.firstline.ticket.TicketView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Tickets over JSON: open, list and search, read, change, the resolution answer and the audit trail. */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketApiController {
    private final TicketService tickets;
    private final TicketChanges changes;
    private final TicketQueries queries;
    private final AuditTrail audit;
    private final AgentService teams;
    private final ObjectMapper json;
    private final Validator validator;

    TicketApiController(
            TicketService tickets,
            TicketChanges changes,
            TicketQueries queries,
            AuditTrail audit,
            AgentService teams,
            ObjectMapper json,
            Validator validator) {
        this.teams = teams;
        this.json = json;
        this.validator = validator;
        this.tickets = tickets;
        this.changes = changes;
        this.queries = queries;
        this.audit = audit;
    }

    enum Outcome {
        CONFIRMED,
        REJECTED
    }

    record ResolutionAnswer(
            @NotNull(message = "is required") Outcome outcome) {}

    @PostMapping
    ResponseEntity<TicketView> open(
            @Valid @RequestBody OpenTicketForm form,
            @AuthenticationPrincipal AgentPrincipal agent,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidRequestException("Idempotency-Key", "must be 1 to 200 characters");
        }
        TicketView ticket;
        try {
            ticket = tickets.open(form, agent, idempotencyKey);
        } catch (TicketService.ConcurrentCreateException e) {
            ticket = tickets.byIdempotencyKey(agent, idempotencyKey, form);
        }
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + ticket.id()))
                .body(ticket);
    }

    @GetMapping
    TicketPage list(
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String ownerId,
            @RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) Long requesterId,
            @RequestParam(required = false) TicketType type,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) String label,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean awaitingReply,
            @RequestParam(required = false) PendingReason pendingReason,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit,
            @AuthenticationPrincipal AgentPrincipal agent) {
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException("limit", "must be between 1 and 200");
        }
        var filter = TicketFilterParams.build(
                status,
                teamId,
                ownerId,
                organizationId,
                requesterId,
                type,
                priority,
                label,
                q,
                awaitingReply,
                pendingReason,
                agent,
                teams.find(agent.id()).map(AgentView::teamIds).orElse(List.of()));
        return queries.list(filter, cursor, limit);
    }

    @GetMapping("/{id}")
    TicketView get(@PathVariable long id) {
        return tickets.get(id);
    }

    /** The ticket people call "#1157": its number, not its id. */
    @GetMapping("/by-number/{number}")
    TicketView byNumber(@PathVariable long number) {
        return tickets.byNumber(number).orElseThrow(() -> new NotFoundException("There is no ticket #" + number + "."));
    }

    @PatchMapping("/{id}")
    TicketView change(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal AgentPrincipal agent) {
        if (!body.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        TicketChange change = json.treeToValue(body, TicketChange.class).keepingAbsent(body::has);
        var violations = validator.validate(change);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return changes.change(id, change, agent);
    }

    @PostMapping("/{id}/resolution")
    TicketView answerResolution(
            @PathVariable long id,
            @Valid @RequestBody ResolutionAnswer answer,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return answer.outcome() == Outcome.CONFIRMED
                ? changes.confirmResolution(id, agent)
                : changes.rejectResolution(id, agent);
    }

    @GetMapping("/{id}/audit")
    Map<String, List<AuditEntryView>> audit(@PathVariable long id) {
        tickets.get(id);
        return Map.of("items", audit.forTicket(id));
    }
}

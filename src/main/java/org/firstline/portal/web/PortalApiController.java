package org.firstline.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.firstline.email.CustomerAnswers;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.MailUnavailableException;
import org.firstline.platform.RefusalMessages;
import org.firstline.portal.internal.Customer;
import org.firstline.portal.internal.CustomerApprovals;
import org.firstline.portal.internal.CustomerSurveys;
import org.firstline.portal.internal.CustomerTickets;
import org.firstline.portal.internal.CustomerWrites;
import org.firstline.portal.internal.OrganizationFigures;
import org.firstline.portal.internal.PortalThrottled;
import org.firstline.portal.internal.SignInLinks;
import org.firstline.ticket.AttachmentResponses;
import org.firstline.ticket.AttachmentService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The customer API: what the portal's pages do, in JSON, for the signed-in customer's cookie session. Writes need the
 * {@code X-CSRF-TOKEN} header with the token {@code GET /me} gives. Errors are problem+json, as in the agents' API.
 */
@RestController
@RequestMapping("/api/portal/v1")
class PortalApiController {
    record Me(
            long contactId,
            String name,
            String email,
            List<Customer.Organization> organizations,
            String csrfHeader,
            String csrfToken) {}

    record SignInRequest(@Nullable String email) {}

    record ReplyRequest(@Nullable String body) {}

    record NewTicketRequest(
            @Nullable String subject,
            @Nullable String body,
            @Nullable Long organizationId,
            @Nullable Long serviceId) {}

    record ResolutionAnswer(@Nullable Boolean fixed) {}

    record ApprovalAnswer(@Nullable Boolean approve) {}

    record TicketDetail(
            CustomerTickets.Ticket ticket,
            String statusLabel,
            List<CustomerTickets.Message> messages,
            CustomerSurveys.@Nullable Answer satisfaction) {}

    record Rating(@Nullable Integer rating, @Nullable String comment) {}

    record Created(long number, String status) {}

    record Answered(boolean counted) {}

    record Held(long ticketNumber, String subject, String requesterName, String request, Instant heldAt) {}

    private final CustomerTickets tickets;
    private final CustomerWrites writes;
    private final CustomerApprovals approvals;
    private final OrganizationFigures figures;
    private final PortalApiServices services;

    PortalApiController(
            CustomerTickets tickets,
            CustomerWrites writes,
            CustomerApprovals approvals,
            OrganizationFigures figures,
            PortalApiServices services) {
        this.tickets = tickets;
        this.writes = writes;
        this.approvals = approvals;
        this.figures = figures;
        this.services = services;
    }

    @PostMapping("/sign-in")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> signIn(
            @RequestBody SignInRequest body, HttpServletRequest request, HttpServletResponse response) {
        services.links()
                .ask(
                        body.email() == null ? "" : body.email(),
                        PortalSignInController.browserSecret(request, response),
                        request.getRemoteAddr());
        return Map.of(
                "detail",
                "If the address is known to us, a sign-in link is on its way. It works once, for "
                        + SignInLinks.VALID_FOR.toMinutes() + " minutes, in this browser only.");
    }

    @GetMapping("/me")
    Me me(@AuthenticationPrincipal Customer customer, CsrfToken csrf) {
        return new Me(
                customer.contactId(),
                customer.name(),
                customer.email(),
                customer.organizations(),
                csrf.getHeaderName(),
                csrf.getToken());
    }

    @PostMapping("/sign-out")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOut(@AuthenticationPrincipal Customer customer, HttpServletRequest request, HttpServletResponse response) {
        services.sessions().end(customer.sessionId());
        PortalCookies.clear(request, response, PortalCookies.SESSION);
    }

    @GetMapping("/tickets")
    CustomerTickets.Page list(
            @AuthenticationPrincipal Customer customer,
            @RequestParam(defaultValue = "OPEN") CustomerTickets.Show show,
            @RequestParam(required = false) @Nullable Long organization,
            @RequestParam(defaultValue = "1") int page) {
        return tickets.list(customer, show, organization, page);
    }

    @GetMapping("/tickets/{number}")
    TicketDetail ticket(@AuthenticationPrincipal Customer customer, @PathVariable long number) {
        var ticket = tickets.get(customer, number);
        return new TicketDetail(
                ticket,
                ticket.status().label(),
                tickets.conversation(ticket),
                services.surveys().answerOf(customer, ticket).orElse(null));
    }

    @GetMapping("/tickets/{number}/files/{fileId}")
    ResponseEntity<byte[]> file(
            @AuthenticationPrincipal Customer customer, @PathVariable long number, @PathVariable long fileId) {
        var ticket = tickets.get(customer, number);
        AttachmentService attachments = services.attachments();
        return AttachmentResponses.of(attachments.get(tickets.file(ticket, fileId)));
    }

    @PostMapping(value = "/tickets/{number}/messages", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    TicketDetail reply(
            @AuthenticationPrincipal Customer customer, @PathVariable long number, @RequestBody ReplyRequest body) {
        writes.reply(customer, number, body.body() == null ? "" : body.body(), List.of());
        return ticket(customer, number);
    }

    @PostMapping(value = "/tickets/{number}/messages", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    TicketDetail replyWithFiles(
            @AuthenticationPrincipal Customer customer,
            @PathVariable long number,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files)
            throws IOException {
        writes.reply(customer, number, body == null ? "" : body, Uploads.of(files));
        return ticket(customer, number);
    }

    @PostMapping(value = "/tickets", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    Created file(@AuthenticationPrincipal Customer customer, @RequestBody NewTicketRequest body) {
        var ticket = writes.file(
                customer,
                body.subject() == null ? "" : body.subject(),
                body.body() == null ? "" : body.body(),
                body.organizationId(),
                body.serviceId(),
                List.of());
        return new Created(
                ticket.number(), tickets.get(customer, ticket.number()).status().label());
    }

    @PostMapping("/tickets/{number}/resolution")
    Answered answer(
            @AuthenticationPrincipal Customer customer, @PathVariable long number, @RequestBody ResolutionAnswer body) {
        if (body.fixed() == null) throw new InvalidRequestException("fixed", "is required: true or false");
        return new Answered(writes.answerResolution(customer, number, body.fixed()));
    }

    @PostMapping("/tickets/{number}/satisfaction")
    CustomerSurveys.Answer rate(
            @AuthenticationPrincipal Customer customer, @PathVariable long number, @RequestBody Rating body) {
        if (body.rating() == null) throw new InvalidRequestException("rating", "is required: 1 to 5");
        return services.surveys().answer(customer, number, body.rating(), body.comment());
    }

    @GetMapping("/approvals")
    List<Held> approvals(@AuthenticationPrincipal Customer customer) {
        return approvals.waiting(customer).stream()
                .map(PortalApiController::held)
                .toList();
    }

    @PostMapping("/approvals/{number}")
    Answered decide(
            @AuthenticationPrincipal Customer customer, @PathVariable long number, @RequestBody ApprovalAnswer body) {
        if (body.approve() == null) throw new InvalidRequestException("approve", "is required: true or false");
        return new Answered(approvals.decide(customer, number, body.approve()));
    }

    @GetMapping("/organizations/{id}/figures")
    OrganizationFigures.Figures figures(@AuthenticationPrincipal Customer customer, @PathVariable long id) {
        return figures.of(customer, id);
    }

    // here rather than in an advice, so they come before the API's catch-all
    @ExceptionHandler(PortalThrottled.class)
    ProblemDetail throttled(PortalThrottled e, HttpServletResponse response) {
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        return problem(HttpStatus.TOO_MANY_REQUESTS, RefusalMessages.of(e));
    }

    @ExceptionHandler(MailUnavailableException.class)
    ProblemDetail noMail(MailUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, RefusalMessages.of(e));
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(java.net.URI.create("about:blank"));
        return problem;
    }

    private static Held held(CustomerAnswers.HeldRequest h) {
        return new Held(h.ticketNumber(), h.subject(), h.requesterName(), h.request(), h.heldAt());
    }
}

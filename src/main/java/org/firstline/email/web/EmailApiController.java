package org.firstline.email.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.firstline.email.EmailAdministration;
import org.firstline.email.EmailTemplate;
import org.firstline.email.QuarantineEntry;
import org.firstline.email.internal.InboundMailFiler;
import org.firstline.platform.AgentPrincipal;
import org.firstline.ticket.TicketView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The quarantine, raw messages, automatic-mail templates and the outbox, for admins. */
@RestController
@RequestMapping("/api/v1/email")
@PreAuthorize("hasRole('ADMIN')")
class EmailApiController {
    private final EmailAdministration administration;

    EmailApiController(EmailAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/quarantine")
    Map<String, List<QuarantineEntry>> quarantine(@RequestParam(defaultValue = "100") int limit) {
        return Map.of("items", administration.quarantine(Math.max(1, Math.min(limit, 1000))));
    }

    /** Any message intake read, as it arrived. */
    @GetMapping("/messages/{id}/raw")
    ResponseEntity<byte[]> raw(@PathVariable long id) {
        return RawMessages.download(id, administration.raw(id));
    }

    @PostMapping("/quarantine/{id}/retry")
    InboundMailFiler.Filed retry(@PathVariable long id) {
        return administration.retry(id);
    }

    @PostMapping("/quarantine/{id}/convert")
    @ResponseStatus(HttpStatus.CREATED)
    TicketView convert(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal admin) {
        return administration.convert(id, admin, "unknown-sender@localhost.invalid");
    }

    @DeleteMapping("/quarantine/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discard(@PathVariable long id) {
        administration.discard(id);
    }

    /** Files a raw RFC 5322 message into a mailbox, as if read from it: for relays that push mail instead. */
    @PostMapping(path = "/mailboxes/{mailboxId}/messages", consumes = "message/rfc822")
    InboundMailFiler.Filed file(@PathVariable long mailboxId, @RequestBody byte[] raw) {
        return administration.file(mailboxId, raw);
    }

    @GetMapping("/templates")
    Map<String, List<EmailTemplate>> templates() {
        return Map.of("items", administration.templates());
    }

    @PutMapping("/templates/{key}")
    EmailTemplate updateTemplate(@PathVariable String key, @Valid @RequestBody EmailTemplate template) {
        return administration.updateTemplate(key, template);
    }

    /** Sends what is due in the outbox now. */
    @PostMapping("/outbox/send")
    Map<String, Integer> send() {
        return Map.of("sent", administration.sendOutbox());
    }
}

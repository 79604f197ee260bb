package org.firstline.email.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.firstline.email.EmailAdministration;
import org.firstline.email.MailboxForm;
import org.firstline.email.MailboxService;
import org.firstline.email.MailboxView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Support mailboxes, for admins. */
@RestController
@RequestMapping("/api/v1/mailboxes")
@PreAuthorize("hasRole('ADMIN')")
class MailboxApiController {
    private final MailboxService mailboxes;
    private final EmailAdministration administration;

    MailboxApiController(MailboxService mailboxes, EmailAdministration administration) {
        this.mailboxes = mailboxes;
        this.administration = administration;
    }

    @GetMapping
    Map<String, List<MailboxView>> list() {
        return Map.of("items", mailboxes.list());
    }

    @GetMapping("/{id}")
    MailboxView get(@PathVariable long id) {
        return mailboxes.get(id);
    }

    @PostMapping
    ResponseEntity<MailboxView> create(@Valid @RequestBody MailboxForm form) {
        MailboxView created = mailboxes.create(form);
        return ResponseEntity.created(URI.create("/api/v1/mailboxes/" + created.id()))
                .body(created);
    }

    @PatchMapping("/{id}")
    MailboxView update(@PathVariable long id, @Valid @RequestBody MailboxForm form) {
        return mailboxes.update(id, form);
    }

    /** Reads the mailbox now instead of at the next poll. */
    @PostMapping("/{id}/poll")
    Map<String, Integer> poll(@PathVariable long id) {
        mailboxes.get(id);
        return Map.of("read", administration.poll(id));
    }
}

package org.firstline.email.web;

import java.util.Locale;
import org.firstline.email.EmailAdministration;
import org.firstline.email.EmailTemplate;
import org.firstline.email.MailboxForm;
import org.firstline.email.MailboxService;
import org.firstline.platform.AgentPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages of the email channel: mailboxes, the quarantine and the automatic-mail templates. */
@Controller
class EmailAdminPagesController {
    private final MailboxService mailboxes;
    private final EmailAdministration administration;
    private final org.firstline.ticket.TicketSettingsService ticketSettings;

    EmailAdminPagesController(
            MailboxService mailboxes,
            EmailAdministration administration,
            org.firstline.ticket.TicketSettingsService ticketSettings) {
        this.mailboxes = mailboxes;
        this.administration = administration;
        this.ticketSettings = ticketSettings;
    }

    @GetMapping("/admin/mailboxes")
    String mailboxes(Model model) {
        model.addAttribute("tab", "mailboxes");
        model.addAttribute("mailboxes", mailboxes.list());
        model.addAttribute("securities", MailboxForm.MailSecurity.values());
        return "email/mailboxes";
    }

    @PostMapping("/admin/mailboxes")
    String create(MailboxFields fields, RedirectAttributes flash) {
        var mailbox = mailboxes.create(fields.form());
        flash.addFlashAttribute("notice", "Mailbox " + mailbox.address() + " added; it is read within a few seconds.");
        return "redirect:/admin/mailboxes";
    }

    @PostMapping("/admin/mailboxes/{id}")
    String update(@PathVariable long id, MailboxFields fields, RedirectAttributes flash) {
        mailboxes.update(id, fields.form());
        flash.addFlashAttribute("notice", "Saved.");
        return "redirect:/admin/mailboxes";
    }

    @PostMapping("/admin/mailboxes/{id}/poll")
    String poll(@PathVariable long id, RedirectAttributes flash) {
        int read = administration.poll(id);
        flash.addFlashAttribute("notice", read + (read == 1 ? " new message read." : " new messages read."));
        return "redirect:/admin/mailboxes";
    }

    @GetMapping("/admin/quarantine")
    String quarantine(Model model) {
        model.addAttribute("tab", "quarantine");
        model.addAttribute("entries", administration.quarantine(200));
        return "email/quarantine";
    }

    @GetMapping("/admin/quarantine/{id}/raw")
    ResponseEntity<byte[]> raw(@PathVariable long id) {
        return RawMessages.download(id, administration.raw(id));
    }

    @PostMapping("/admin/quarantine/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes flash) {
        var filed = administration.retry(id);
        flash.addFlashAttribute(
                filed.reason() != null && filed.ticketId() == null ? "error" : "notice",
                "Filed again: " + filed.outcome().name().toLowerCase(Locale.ROOT)
                        + (filed.reason() == null ? "" : " (" + filed.reason() + ")"));
        return "redirect:/admin/quarantine";
    }

    @PostMapping("/admin/quarantine/{id}/convert")
    String convert(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal admin) {
        var ticket = administration.convert(id, admin, "unknown-sender@localhost.invalid");
        return "redirect:/tickets/" + ticket.number();
    }

    @PostMapping("/admin/quarantine/{id}/delete")
    String discard(@PathVariable long id, RedirectAttributes flash) {
        administration.discard(id);
        flash.addFlashAttribute("notice", "Deleted from the quarantine.");
        return "redirect:/admin/quarantine";
    }

    @GetMapping("/admin/email-templates")
    String templates(Model model) {
        model.addAttribute("tab", "email-templates");
        model.addAttribute("templates", administration.templates());
        model.addAttribute("ticketSettings", ticketSettings.get());
        return "email/templates";
    }

    @PostMapping("/admin/email-templates/{key}")
    String saveTemplate(
            @PathVariable String key,
            @RequestParam String subject,
            @RequestParam String body,
            RedirectAttributes flash) {
        if (subject.isBlank() || body.isBlank()) {
            throw new org.firstline.platform.InvalidRequestException("template", "needs a subject and a body");
        }
        administration.updateTemplate(key, new EmailTemplate(key, subject, body));
        flash.addFlashAttribute("notice", "Template saved.");
        return "redirect:/admin/email-templates";
    }

    /** The mailbox form's fields; blank ones mean "unchanged" on update. */
    record MailboxFields(
            String name,
            String address,
            String imapHost,
            Integer imapPort,
            MailboxForm.MailSecurity imapSecurity,
            String imapUsername,
            String imapPassword,
            String folder,
            Integer pollSeconds,
            String smtpHost,
            Integer smtpPort,
            MailboxForm.MailSecurity smtpSecurity,
            String smtpUsername,
            String smtpPassword,
            Boolean acknowledge,
            Boolean enabled) {

        MailboxForm form() {
            return new MailboxForm(
                    blank(name),
                    blank(address),
                    blank(imapHost),
                    imapPort,
                    imapSecurity,
                    blank(imapUsername),
                    blank(imapPassword),
                    blank(folder),
                    null,
                    null,
                    pollSeconds,
                    smtpHost,
                    smtpPort,
                    smtpSecurity,
                    blank(smtpUsername),
                    blank(smtpPassword),
                    acknowledge != null && acknowledge,
                    enabled != null && enabled);
        }

        private static @Nullable String blank(@Nullable String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}

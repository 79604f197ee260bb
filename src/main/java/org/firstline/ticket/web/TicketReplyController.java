package org.firstline.ticket.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.firstline.directory.AgentService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.MessageWithFiles;
import org.firstline.ticket.NewFile;
import org.firstline.ticket.ReplyMail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The reply or note form of the ticket page; the agent is told whether the reply has really left. */
@Controller
class TicketReplyController {
    private final ConversationService conversation;
    private final MessageWithFiles messages;
    private final AgentService agents;
    private final ReplyMail mail;

    TicketReplyController(
            ConversationService conversation, MessageWithFiles messages, AgentService agents, ReplyMail mail) {
        this.conversation = conversation;
        this.messages = messages;
        this.agents = agents;
        this.mail = mail;
    }

    @PostMapping("/tickets/{number}/messages")
    String reply(
            @TicketId long id,
            @PathVariable long number,
            @RequestParam String body,
            @RequestParam(defaultValue = "PUBLIC") MessageKind kind,
            @RequestParam(defaultValue = "false") boolean addSignature,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(required = false) Long seenMessageId,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash)
            throws IOException {
        if (seenMessageId != null && kind == MessageKind.PUBLIC) {
            // a reply written against an older state of the conversation may answer the wrong thing: show the news
            // first
            var newer = conversation.messages(id).stream()
                    .filter(m ->
                            m.id() > seenMessageId && !Long.valueOf(agent.id()).equals(m.authorAgentId()))
                    .toList();
            if (!newer.isEmpty()) {
                var latest = newer.get(newer.size() - 1);
                flash.addFlashAttribute(
                        "error",
                        "Not sent: while you were writing, " + latest.authorName() + " added "
                                + (newer.size() == 1 ? "a message" : newer.size() + " messages")
                                + ". Read it below; your draft is kept"
                                + (files != null && files.stream().anyMatch(f -> !f.isEmpty())
                                        ? " (attach your files again)"
                                        : "")
                                + ". Send again to send it as it is.");
                flash.addFlashAttribute("draft", body);
                return "redirect:/tickets/" + number + "#message-" + latest.id();
            }
        }
        String text = body.strip();
        String signature = agents.get(agent.id()).signature();
        if (addSignature && kind == MessageKind.PUBLIC && !signature.isBlank()) {
            text = text + "\n\n-- \n" + signature;
        }
        var message = messages.post(id, new MessageForm(text, kind, null), uploads(files), agent);
        flash.addFlashAttribute("notice", kind == MessageKind.NOTE ? "Note added." : outcome(id, message.id()));
        return "redirect:/tickets/" + number + "#message-" + message.id();
    }

    /** Asked after the commit, when the mail is queued. */
    private String outcome(long ticketId, long messageId) {
        String unsent = mail.unsent(ticketId).get(messageId);
        return unsent == null ? "Reply sent." : "Reply saved. " + unsent + ".";
    }

    private static List<NewFile> uploads(List<MultipartFile> files) throws IOException {
        var uploads = new ArrayList<NewFile>();
        if (files == null) return uploads;
        for (MultipartFile file : files) {
            if (!file.isEmpty()) uploads.add(new NewFile(file.getOriginalFilename(), file.getBytes()));
        }
        return uploads;
    }
}

package org.firstline.email.internal;

import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.FirstlineSettings;
import org.firstline.ticket.AttachmentService;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.springframework.stereotype.Component;

/** Stores a message's files with its ticket message; a note tells the agents about any left out for their size. */
@Component
class TicketAttachments {
    private final AttachmentService attachments;
    private final ConversationService conversation;
    private final FirstlineSettings settings;

    TicketAttachments(AttachmentService attachments, ConversationService conversation, FirstlineSettings settings) {
        this.attachments = attachments;
        this.conversation = conversation;
        this.settings = settings;
    }

    void store(long ticketId, long messageId, ParsedMail mail, AgentPrincipal actor) {
        var kept = new AttachmentLimit(settings.attachmentMaxBytes()).apply(mail.attachments());
        for (var attachment : kept.attachments()) {
            attachments.add(ticketId, messageId, attachment.filename(), attachment.content(), actor);
        }
        if (!kept.notice().isEmpty()) {
            conversation.post(ticketId, new MessageForm(kept.notice(), MessageKind.NOTE, null), actor);
        }
    }
}

package org.firstline.ticket;

import java.util.List;
import org.firstline.platform.AgentPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A message and its files as one change. The reply's mail is queued when this commits, so it never leaves without the
 * files it was written with, and a file that is refused (too large, empty) takes the message back with it.
 */
@Service
public class MessageWithFiles {
    private final ConversationService conversation;
    private final AttachmentService attachments;

    MessageWithFiles(ConversationService conversation, AttachmentService attachments) {
        this.conversation = conversation;
        this.attachments = attachments;
    }

    @Transactional
    public MessageView post(long ticketId, MessageForm form, List<NewFile> files, AgentPrincipal actor) {
        MessageView message = conversation.post(ticketId, form, actor);
        for (NewFile file : files) {
            attachments.add(ticketId, message.id(), file.filename(), file.content(), actor);
        }
        return message;
    }
}

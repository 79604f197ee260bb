package org.firstline.ticket;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One entry of a ticket's conversation; exactly one of the author ids is set. */
public record MessageView(
        long id,
        long ticketId,
        MessageKind kind,
        @Nullable Long authorAgentId,
        @Nullable Long authorContactId,
        String authorName,
        String body,
        Instant createdAt,
        List<AttachmentView> attachments) {

    /** A requester's message split into what is new and the quoted history and signature it carries. */
    public ReplyText.Parts reply() {
        return authorContactId == null ? new ReplyText.Parts(body, "") : ReplyText.split(body);
    }
}

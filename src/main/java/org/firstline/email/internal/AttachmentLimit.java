package org.firstline.email.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of a message's files a ticket keeps: none that is empty, none over {@code firstline.attachment-max-bytes}.
 * Those left out are named in a notice for the agents; the original message still has them.
 */
record AttachmentLimit(long maxBytes) {

    record Kept(List<ParsedMail.Attachment> attachments, String notice) {}

    Kept apply(List<ParsedMail.Attachment> attachments) {
        List<ParsedMail.Attachment> kept = new ArrayList<>();
        StringBuilder notice = new StringBuilder();
        for (var attachment : attachments) {
            if (attachment.content().length == 0) {
                continue;
            }
            if (attachment.content().length > maxBytes) {
                notice.append("Attachment ")
                        .append(attachment.filename())
                        .append(" (")
                        .append(attachment.content().length)
                        .append(" bytes) was not stored: attachments may be at most ")
                        .append(maxBytes)
                        .append(" bytes. The original message keeps it.\n");
                continue;
            }
            kept.add(attachment);
        }
        return new Kept(List.copyOf(kept), notice.toString().strip());
    }
}

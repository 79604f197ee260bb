package org.firstline.email.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the message/delivery-status parts of a bounce say (RFC 3464): the first status, recipient and diagnostic
 * found; a report without a Status field still marks the message as a bounce, with status "unknown".
 */
final class DeliveryReport {
    private @Nullable String status;
    private @Nullable String recipient;
    private @Nullable String diagnostic;

    void read(String fields) {
        for (String raw :
                fields.replace("\r\n", "\n").replaceAll("\n[ \t]+", " ").split("\n")) {
            int colon = raw.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = raw.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = raw.substring(colon + 1).strip();
            switch (name) {
                case "status" -> status = status == null ? value : status;
                case "final-recipient", "original-recipient" -> {
                    if (recipient == null) {
                        // "rfc822; someone@example.com": the address after the type
                        recipient = value.contains(";")
                                ? value.substring(value.indexOf(';') + 1).strip()
                                : value;
                    }
                }
                case "diagnostic-code" -> diagnostic = diagnostic == null ? value : diagnostic;
                default -> {}
            }
        }
        if (status == null) {
            status = "unknown";
        }
    }

    /** Whether a delivery-status part was read at all. */
    boolean present() {
        return status != null;
    }

    ParsedMail.Bounce bounce(@Nullable String originalMessageId) {
        return new ParsedMail.Bounce(originalMessageId, recipient, status, diagnostic);
    }
}

package org.firstline.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream of support mail for load and fault tests: new requests from many senders, and every {@code replyEvery}-th
 * message a reply (by In-Reply-To) to an earlier request. Every message says in its text which one it is.
 */
public final class MailLoad {
    public record Mail(int n, boolean reply, int target, String messageId, byte[] raw) {}

    private final String run;

    public MailLoad(String run) {
        this.run = run;
    }

    public String messageId(int n) {
        return "load-" + n + "-" + run + "@load.test";
    }

    public List<Mail> messages(int count, int replyEvery) {
        List<Mail> mails = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            boolean reply = replyEvery > 0 && n % replyEvery == 0;
            int target = reply ? n - 1 - (n % 7 == 0 ? 1 : 0) : n;
            while (reply && target % replyEvery == 0) {
                target--;
            }
            mails.add(new Mail(n, reply, target, messageId(n), raw(n, reply, target)));
        }
        return mails;
    }

    public byte[] raw(int n, boolean reply, int target) {
        String sender = "customer" + (target % 500) + "@load.test";
        String text = reply
                ? "reply " + n + " to request " + target
                : "request " + n + ": the build agent hangs at step " + (n % 13);
        return ("From: Customer " + (target % 500) + " <" + sender + ">\r\nTo: support@firstline.test\r\n"
                        + "Subject: " + (reply ? "Re: " : "") + "Load " + target + " " + run + "\r\n"
                        + "Message-ID: <" + messageId(n) + ">\r\n"
                        + (reply ? "In-Reply-To: <" + messageId(target) + ">\r\n" : "")
                        + "Date: Mon, 23 Nov 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                        + text + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}

package org.firstline.email.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.firstline.email.MailboxForm;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/** One SMTP client per mailbox, rebuilt when the mailbox's settings change. */
@Component
class SmtpSenders {
    private record Cached(Instant version, JavaMailSenderImpl sender) {}

    private final Map<Long, Cached> senders = new ConcurrentHashMap<>();

    JavaMailSenderImpl sender(MailboxStore.Connection connection) {
        var mailbox = connection.mailbox();
        Cached cached = senders.get(mailbox.id());
        if (cached != null && cached.version().equals(mailbox.updatedAt())) {
            return cached.sender();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mailbox.smtpHost());
        sender.setPort(Objects.requireNonNull(mailbox.smtpPort(), "required with an SMTP host"));
        sender.setDefaultEncoding("UTF-8");
        boolean ssl = mailbox.smtpSecurity() == MailboxForm.MailSecurity.SSL;
        sender.setProtocol(ssl ? "smtps" : "smtp");
        if (mailbox.smtpUsername() != null) {
            sender.setUsername(mailbox.smtpUsername());
            sender.setPassword(connection.smtpPassword());
        }
        Properties properties = new Properties();
        String prefix = "mail." + sender.getProtocol() + ".";
        properties.setProperty(prefix + "auth", String.valueOf(mailbox.smtpUsername() != null));
        properties.setProperty(prefix + "connectiontimeout", "10000");
        properties.setProperty(prefix + "timeout", "30000");
        properties.setProperty(prefix + "writetimeout", "30000");
        if (mailbox.smtpSecurity() == MailboxForm.MailSecurity.STARTTLS) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (ssl || mailbox.smtpSecurity() == MailboxForm.MailSecurity.STARTTLS) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        sender.setJavaMailProperties(properties);
        senders.put(mailbox.id(), new Cached(mailbox.updatedAt(), sender));
        return sender;
    }
}

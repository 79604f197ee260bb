package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.firstline.directory.ContactView;
import org.firstline.email.internal.ParsedMail.SenderHeader;
import org.firstline.ticket.TicketStatus;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class AcknowledgementTest {
    private static final ContactView ADA =
            new ContactView(5, "Ada", List.of("ada@customer.test"), List.of(), Instant.EPOCH);

    private final MailTemplates templates = mock(MailTemplates.class);
    private final Outbox outbox = mock(Outbox.class);
    private final Acknowledgement acknowledgement = new Acknowledgement(templates, outbox);

    @Test
    void theRequesterIsToldFromTheMailboxTheMessageCameIn() {
        when(templates.render(any(), any()))
                .thenReturn(new MailTemplates.Rendered("We have your message", "Thanks, Ada."));
        ParsedMail mail = Intakes.mail("ada@customer.test", SenderHeader.FROM, false);
        acknowledgement.send(
                Intakes.at(mail, Intakes.mailbox(true, "smtp.test")), ADA, Intakes.ticket(42, TicketStatus.OPEN));

        var sent = ArgumentCaptor.forClass(OutboundMail.class);
        verify(outbox).enqueue(sent.capture(), anyString());
        assertThat(sent.getValue().recipients()).containsExactly("ada@customer.test");
        assertThat(sent.getValue().subject()).isEqualTo("[#1042] We have your message");
        assertThat(sent.getValue().kind()).isEqualTo(OutboundMail.Kind.ACKNOWLEDGEMENT);
    }

    @Test
    void aSenderReadFromSenderOrReplyToIsAcknowledgedToo() {
        when(templates.render(any(), any())).thenReturn(new MailTemplates.Rendered("s", "b"));
        ParsedMail mail = Intakes.mail("ada@customer.test", SenderHeader.REPLY_TO, false);
        acknowledgement.send(
                Intakes.at(mail, Intakes.mailbox(true, "smtp.test")), ADA, Intakes.ticket(42, TicketStatus.OPEN));
        verify(outbox).enqueue(any(), anyString());
    }

    @Test
    void aSenderKnownOnlyFromTheEnvelopeIsNeverAcknowledged() {
        ParsedMail mail = Intakes.mail("ada@customer.test", SenderHeader.RETURN_PATH, false);
        acknowledgement.send(
                Intakes.at(mail, Intakes.mailbox(true, "smtp.test")), ADA, Intakes.ticket(42, TicketStatus.OPEN));
        verifyNoInteractions(templates, outbox);
    }

    @Test
    void automaticMailIsNeverAcknowledged() {
        ParsedMail mail = Intakes.mail("ada@customer.test", SenderHeader.FROM, true);
        acknowledgement.send(
                Intakes.at(mail, Intakes.mailbox(true, "smtp.test")), ADA, Intakes.ticket(42, TicketStatus.OPEN));
        verifyNoInteractions(templates, outbox);
    }

    @Test
    void aMailboxThatDoesNotAcknowledgeOrCannotSendSendsNothing() {
        ParsedMail mail = Intakes.mail("ada@customer.test", SenderHeader.FROM, false);
        acknowledgement.send(
                Intakes.at(mail, Intakes.mailbox(false, "smtp.test")), ADA, Intakes.ticket(42, TicketStatus.OPEN));
        acknowledgement.send(Intakes.at(mail, Intakes.mailbox(true, null)), ADA, Intakes.ticket(42, TicketStatus.OPEN));
        acknowledgement.send(Intakes.of(mail), ADA, Intakes.ticket(42, TicketStatus.OPEN));
        verifyNoInteractions(templates, outbox);
    }
}

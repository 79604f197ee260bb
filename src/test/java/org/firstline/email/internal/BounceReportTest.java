package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Optional;
import org.firstline.email.internal.InboundMailFiler.Filed;
import org.firstline.email.internal.InboundMailFiler.Outcome;
import org.firstline.platform.ConflictException;
import org.firstline.platform.FirstlineSettings;
import org.firstline.ticket.AttachmentService;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.junit.jupiter.api.Test;

class BounceReportTest {
    private static final ParsedMail.Bounce BOUNCE =
            new ParsedMail.Bounce("ack-9@firstline.test", "gone@customer.test", "5.1.1", "smtp; 550 user unknown");

    private final Outbox outbox = mock(Outbox.class);
    private final ConversationService conversation = mock(ConversationService.class);
    private final AttachmentService attachments = mock(AttachmentService.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private BounceReport filter(long attachmentMaxBytes) {
        return new BounceReport(
                outbox,
                conversation,
                attachments,
                new FirstlineSettings(Path.of("."), true, false, attachmentMaxBytes, "http://desk.test"),
                meters);
    }

    @Test
    void mailThatIsNoBounceIsLeftToTheNextFilter() {
        assertThat(filter(1000).apply(Intakes.of(Intakes.mail("ada@customer.test"))))
                .isEmpty();
        verifyNoInteractions(outbox, conversation, attachments);
    }

    @Test
    void aBounceOfMailWeSentIsANoteOnItsTicketWithTheReportAttached() {
        when(outbox.ticketOfSent("ack-9@firstline.test")).thenReturn(Optional.of(42L));
        String note = "Delivery failure: email to gone@customer.test bounced (status 5.1.1, smtp; 550 user unknown).";
        when(conversation.post(42L, new MessageForm(note, MessageKind.NOTE, null), Intakes.SYSTEM))
                .thenReturn(Intakes.message(8, 42));
        Intake intake = Intakes.of(Intakes.withBounce(BOUNCE));

        assertThat(filter(1000).apply(intake)).contains(new Filed(Outcome.BOUNCE, 42L, 8L, null));
        verify(outbox).recordBounce("ack-9@firstline.test", "bounced: 5.1.1 smtp; 550 user unknown");
        verify(attachments).add(42L, 8L, "delivery-report.eml", intake.raw(), Intakes.SYSTEM);
        assertThat(meters.counter("firstline.email.outbound", "result", "bounced")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aReportLargerThanAnAttachmentMayBeIsNotAttached() {
        when(outbox.ticketOfSent("ack-9@firstline.test")).thenReturn(Optional.of(42L));
        when(conversation.post(anyLong(), any(), any())).thenReturn(Intakes.message(8, 42));
        assertThat(filter(99).apply(Intakes.of(Intakes.withBounce(BOUNCE))))
                .contains(new Filed(Outcome.BOUNCE, 42L, 8L, null));
        verify(attachments, never()).add(anyLong(), any(), any(), any(), any());
    }

    @Test
    void aBounceForAClosedTicketStaysWithTheMessageRecord() {
        when(outbox.ticketOfSent("ack-9@firstline.test")).thenReturn(Optional.of(42L));
        when(conversation.post(anyLong(), any(), any())).thenThrow(new ConflictException("Ticket is closed"));
        assertThat(filter(1000).apply(Intakes.of(Intakes.withBounce(BOUNCE))))
                .contains(new Filed(Outcome.BOUNCE, 42L, null, null));
    }

    @Test
    void aBounceOfMailWeDidNotSendIsQuarantined() {
        when(outbox.ticketOfSent("ack-9@firstline.test")).thenReturn(Optional.empty());
        assertThat(filter(1000).apply(Intakes.of(Intakes.withBounce(BOUNCE))))
                .contains(new Filed(
                        Outcome.QUARANTINED,
                        null,
                        null,
                        "delivery failure report for a message Firstline did not send (ack-9@firstline.test)"));
        verify(outbox, never()).recordBounce(any(), any());
    }
}

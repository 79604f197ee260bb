package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.firstline.email.internal.InboundMailFiler.Filed;
import org.firstline.email.internal.InboundMailFiler.Outcome;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

class ReplyToOpenTicketTest {
    private final ConversationService conversation = mock(ConversationService.class);
    private final TicketAttachments attachments = mock(TicketAttachments.class);
    private final ReplyToOpenTicket filter = new ReplyToOpenTicket(conversation, attachments);

    @Test
    void aReplyJoinsItsTicketsConversationAsTheSendersMessageWithItsFiles() {
        ParsedMail mail = Intakes.mail("ada@customer.test");
        when(conversation.post(
                        42L,
                        new MessageForm("It is on fire.", MessageKind.PUBLIC, "ada@customer.test"),
                        Intakes.SYSTEM))
                .thenReturn(Intakes.message(12, 42));

        assertThat(filter.apply(Intakes.continuing(mail, Intakes.ticket(42, TicketStatus.PENDING))))
                .contains(new Filed(Outcome.REPLY, 42L, 12L, null));
        verify(attachments).store(42L, 12L, mail, Intakes.SYSTEM);
    }

    @Test
    void aReplyToAClosedTicketOrToNoTicketIsLeftToTheNextFilter() {
        assertThat(filter.apply(
                        Intakes.continuing(Intakes.mail("ada@customer.test"), Intakes.ticket(42, TicketStatus.CLOSED))))
                .isEmpty();
        assertThat(filter.apply(Intakes.of(Intakes.mail("ada@customer.test")))).isEmpty();
        verifyNoInteractions(conversation, attachments);
    }
}

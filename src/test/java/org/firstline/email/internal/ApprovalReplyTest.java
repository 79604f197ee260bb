package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import org.firstline.email.internal.InboundMailFiler.Filed;
import org.firstline.email.internal.InboundMailFiler.Outcome;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.junit.jupiter.api.Test;

class ApprovalReplyTest {
    private final Approvals approvals = mock(Approvals.class);
    private final ConversationService conversation = mock(ConversationService.class);
    private final ApprovalReply filter = new ApprovalReply(approvals, conversation);

    @Test
    void aRepresentativeApprovingByReplyDecidesTheRequestAndIsNotedOnTheTicket() {
        ParsedMail mail = reply("rep@customer.test", "Approved, go ahead.\n\n> Please approve ticket 1042");
        when(approvals.requestAnsweredBy(mail.threadIds())).thenReturn(Optional.of(5L));
        when(approvals.isRepresentativeFor(5L, "rep@customer.test")).thenReturn(true);
        when(approvals.ticketOf(5L)).thenReturn(42L);
        when(conversation.post(eq(42L), any(), eq(Intakes.SYSTEM))).thenReturn(Intakes.message(9, 42));

        assertThat(filter.apply(Intakes.of(mail))).contains(new Filed(Outcome.APPROVAL, 42L, 9L, null));
        verify(approvals).decide(5L, Approvals.Decision.APPROVED);
        verify(conversation)
                .post(
                        42L,
                        new MessageForm(
                                "Reply from representative rep@customer.test:\n\nApproved, go ahead.",
                                MessageKind.NOTE,
                                null),
                        Intakes.SYSTEM);
    }

    @Test
    void aReplyWithoutADecidingWordIsOnlyNoted() {
        ParsedMail mail = reply("rep@customer.test", "Who is this for?");
        when(approvals.requestAnsweredBy(mail.threadIds())).thenReturn(Optional.of(5L));
        when(approvals.isRepresentativeFor(5L, "rep@customer.test")).thenReturn(true);
        when(approvals.ticketOf(5L)).thenReturn(42L);
        when(conversation.post(eq(42L), any(), eq(Intakes.SYSTEM))).thenReturn(Intakes.message(9, 42));

        assertThat(filter.apply(Intakes.of(mail)))
                .contains(new Filed(Outcome.APPROVAL, 42L, 9L, "no approve/reject word found; noted on the ticket"));
        verify(approvals, never()).decide(anyLong(), any());
    }

    @Test
    void someoneWhoIsNoRepresentativeAnsweringTheRequestIsLeftToTheNextFilter() {
        ParsedMail mail = reply("colleague@customer.test", "Approved");
        when(approvals.requestAnsweredBy(mail.threadIds())).thenReturn(Optional.of(5L));
        when(approvals.isRepresentativeFor(5L, "colleague@customer.test")).thenReturn(false);
        assertThat(filter.apply(Intakes.of(mail))).isEmpty();
        verifyNoInteractions(conversation);
    }

    @Test
    void mailAnsweringNoRequestIsLeftToTheNextFilter() {
        ParsedMail mail = reply("rep@customer.test", "Approved");
        when(approvals.requestAnsweredBy(mail.threadIds())).thenReturn(Optional.empty());
        assertThat(filter.apply(Intakes.of(mail))).isEmpty();
        verify(approvals, never()).isRepresentativeFor(anyLong(), any());
    }

    private static ParsedMail reply(String from, String text) {
        return new ParsedMail(
                "r-1@customer.test",
                List.of("approval-5@firstline.test"),
                from,
                null,
                ParsedMail.SenderHeader.FROM,
                List.of(),
                "Re: Approval",
                text,
                null,
                List.of(),
                false,
                null);
    }
}

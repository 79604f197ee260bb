package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.firstline.email.internal.InboundMailFiler.Filed;
import org.firstline.email.internal.InboundMailFiler.Outcome;
import org.firstline.ticket.LinkForm;
import org.firstline.ticket.LinkKind;
import org.firstline.ticket.LinkService;
import org.firstline.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

class ClosedTicketFollowUpTest {
    private final TicketOpening opening = mock(TicketOpening.class);
    private final LinkService links = mock(LinkService.class);
    private final ClosedTicketFollowUp filter = new ClosedTicketFollowUp(opening, links);

    @Test
    void aReplyToAClosedTicketOpensAFollowUpLinkedToIt() {
        Intake intake = Intakes.continuing(Intakes.mail("ada@customer.test"), Intakes.ticket(42, TicketStatus.CLOSED));
        when(opening.open(intake)).thenReturn(new Filed(Outcome.TICKET, 43L, 11L, null));

        assertThat(filter.apply(intake)).contains(new Filed(Outcome.TICKET, 43L, 11L, null));
        verify(links).add(43L, new LinkForm(LinkKind.RELATED, 42L, null, false), Intakes.SYSTEM);
    }

    @Test
    void aReplyToATicketThatIsNotClosedIsLeftToTheNextFilter() {
        for (TicketStatus status :
                new TicketStatus[] {TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.RESOLVED}) {
            assertThat(filter.apply(Intakes.continuing(Intakes.mail("ada@customer.test"), Intakes.ticket(42, status))))
                    .isEmpty();
        }
        verifyNoInteractions(opening, links);
    }

    @Test
    void mailThatContinuesNoTicketIsLeftToTheNextFilter() {
        assertThat(filter.apply(Intakes.of(Intakes.mail("ada@customer.test")))).isEmpty();
        verifyNoInteractions(opening, links);
    }
}

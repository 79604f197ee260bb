package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.firstline.email.internal.InboundMailFiler.Filed;
import org.firstline.email.internal.InboundMailFiler.Outcome;
import org.junit.jupiter.api.Test;

class IntakeFiltersTest {
    private static final Filed NEW_TICKET = new Filed(Outcome.TICKET, 1L, 1L, null);

    private final List<String> asked = new ArrayList<>();

    @Test
    void theFirstFilterThatTakesAMessageDecidesAndTheRestAreNotAsked() {
        Filed held = new Filed(Outcome.QUARANTINED, null, null, "held");
        var filters = new IntakeFilters(
                List.of(passing("first"), taking("second", held), passing("third")), intake -> NEW_TICKET);
        assertThat(filters.apply(Intakes.of(Intakes.mail("ada@customer.test")))).isEqualTo(held);
        assertThat(asked).containsExactly("first", "second");
    }

    @Test
    void aMessageNoFilterTakesBecomesANewTicket() {
        var filters = new IntakeFilters(List.of(passing("first"), passing("second")), intake -> NEW_TICKET);
        assertThat(filters.apply(Intakes.of(Intakes.mail("ada@customer.test")))).isEqualTo(NEW_TICKET);
        assertThat(asked).containsExactly("first", "second");
    }

    @Test
    void loopsAndStormsAreStoppedBeforeAnythingIsFiledAndRepliesAreRecognisedLast() {
        var filters = new IntakeFilterOrder()
                .intakeFilters(
                        new OwnAddressLoop(),
                        mock(SenderRateLimit.class),
                        mock(BounceReport.class),
                        mock(ApprovalReply.class),
                        mock(ClosedTicketFollowUp.class),
                        mock(ReplyToOpenTicket.class),
                        mock(TicketOpening.class));
        assertThat(filters.inOrder())
                .extracting(filter -> filter.getClass().getSimpleName().replaceAll("\\$.*", ""))
                .containsExactly(
                        "OwnAddressLoop",
                        "SenderRateLimit",
                        "BounceReport",
                        "ApprovalReply",
                        "ClosedTicketFollowUp",
                        "ReplyToOpenTicket");
    }

    private IntakeFilter passing(String name) {
        return intake -> {
            asked.add(name);
            return Optional.empty();
        };
    }

    private IntakeFilter taking(String name, Filed filed) {
        return intake -> {
            asked.add(name);
            return Optional.of(filed);
        };
    }
}

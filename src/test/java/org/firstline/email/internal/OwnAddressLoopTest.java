package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.firstline.email.internal.InboundMailFiler.Filed;
import org.firstline.email.internal.InboundMailFiler.Outcome;
import org.junit.jupiter.api.Test;

class OwnAddressLoopTest {
    private final OwnAddressLoop filter = new OwnAddressLoop();

    @Test
    void mailFromOneOfOurOwnAddressesIsQuarantinedToAvoidALoop() {
        assertThat(filter.apply(Intakes.of(Intakes.mail(Intakes.OWN_ADDRESS))))
                .contains(new Filed(
                        Outcome.QUARANTINED,
                        null,
                        null,
                        "sent from Firstline's own address help@firstline.test: not filed, to avoid a mail loop"));
    }

    @Test
    void mailFromAnyoneElseIsLeftToTheNextFilter() {
        assertThat(filter.apply(Intakes.of(Intakes.mail("ada@customer.test")))).isEmpty();
    }
}

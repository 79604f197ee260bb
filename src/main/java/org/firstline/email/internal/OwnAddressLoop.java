package org.firstline.email.internal;

import java.util.Optional;
import org.firstline.email.internal.InboundMailFiler.Filed;
import org.firstline.email.internal.InboundMailFiler.Outcome;
import org.springframework.stereotype.Component;

/** Mail from one of Firstline's own addresses is not filed: answering it would start a loop. */
@Component
class OwnAddressLoop implements IntakeFilter {

    @Override
    public Optional<Filed> apply(Intake intake) {
        String sender = intake.mail().fromAddress();
        if (!intake.ownAddresses().contains(sender)) {
            return Optional.empty();
        }
        return Optional.of(new Filed(
                Outcome.QUARANTINED,
                null,
                null,
                "sent from Firstline's own address " + sender + ": not filed, to avoid a mail loop"));
    }
}

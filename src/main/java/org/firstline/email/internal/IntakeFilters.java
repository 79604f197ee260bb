package org.firstline.email.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.firstline.email.internal.InboundMailFiler.Filed;

/** The intake filters in their order, and what becomes of a message none of them takes (a new ticket). */
final class IntakeFilters {
    private final List<IntakeFilter> inOrder;
    private final Function<Intake, Filed> otherwise;

    IntakeFilters(List<IntakeFilter> inOrder, Function<Intake, Filed> otherwise) {
        this.inOrder = List.copyOf(inOrder);
        this.otherwise = otherwise;
    }

    Filed apply(Intake intake) {
        for (IntakeFilter filter : inOrder) {
            Optional<Filed> filed = filter.apply(intake);
            if (filed.isPresent()) {
                return filed.get();
            }
        }
        return otherwise.apply(intake);
    }

    List<IntakeFilter> inOrder() {
        return inOrder;
    }
}

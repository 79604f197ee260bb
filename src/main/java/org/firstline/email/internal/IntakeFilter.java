package org.firstline.email.internal;

import java.util.Optional;
import org.firstline.email.internal.InboundMailFiler.Filed;

/**
 * One thing intake recognises in a message: a mail loop, a storm, a bounce, an approval, a reply. Filters look at a
 * message in the order {@link IntakeFilterOrder} gives; the first one that takes it files it.
 */
interface IntakeFilter {
    /** What became of the message when this filter took it; empty to leave it to the next. */
    Optional<Filed> apply(Intake intake);
}

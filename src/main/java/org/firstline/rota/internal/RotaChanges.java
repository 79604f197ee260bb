package org.firstline.rota.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.firstline.rota.RotaChanged;
import org.firstline.rota.RotationView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells of changes to published rotas ({@link RotaChanged}), with whether they come with less notice than the
 * rotation's notice period; personal requests (swaps, out-of-office) want two weeks.
 */
@Component
public class RotaChanges {
    public static final Duration PERSONAL_NOTICE = Duration.ofDays(14);

    private final ApplicationEventPublisher events;
    private final RotaReferences refs;

    RotaChanges(ApplicationEventPublisher events, RotaReferences refs) {
        this.events = events;
        this.refs = refs;
    }

    public boolean shortNotice(RotationView rotation, Instant takesEffectAt) {
        return takesEffectAt.isBefore(refs.now().plus(Duration.ofDays(rotation.noticeDays())));
    }

    public static boolean shortPersonalNotice(Instant now, Instant takesEffectAt) {
        return takesEffectAt.isBefore(now.plus(PERSONAL_NOTICE));
    }

    /** Publishes the change when the rotation is published and it moves anyone; returns whether notice was short. */
    public boolean changed(RotationView rotation, String what, List<Long> agentIds, Instant takesEffectAt) {
        boolean shortNotice = shortNotice(rotation, takesEffectAt);
        if (rotation.published() && !agentIds.isEmpty()) {
            events.publishEvent(new RotaChanged(
                    rotation.id(),
                    rotation.name(),
                    rotation.teamId(),
                    refs.actor(),
                    what,
                    List.copyOf(agentIds),
                    takesEffectAt,
                    shortNotice));
        }
        return shortNotice;
    }
}

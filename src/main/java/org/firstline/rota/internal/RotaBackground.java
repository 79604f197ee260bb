package org.firstline.rota.internal;

import java.time.Duration;
import org.firstline.platform.BackgroundLoop;
import org.firstline.rota.Rotations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps every rotation's shifts stored to its horizon as time passes, every {@code firstline.rota.extend-interval}
 * (10 minutes). Off with {@code firstline.rota.background=false} (tests extend by hand after moving the clock).
 */
@Component
class RotaBackground extends BackgroundLoop {
    private final Rotations rotations;

    RotaBackground(
            Rotations rotations,
            @Value("${firstline.rota.background:true}") boolean enabled,
            @Value("${firstline.rota.extend-interval:PT10M}") Duration interval) {
        super("rota-horizon", interval, enabled);
        this.rotations = rotations;
    }

    @Override
    protected void step() {
        rotations.extendHorizons();
    }
}

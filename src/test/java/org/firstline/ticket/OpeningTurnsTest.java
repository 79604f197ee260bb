package org.firstline.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpeningTurnsTest {
    @Test
    void workWaitsWhileEveryTurnIsTakenAndRunsOnceOneIsGiven() throws Exception {
        var turns = new OpeningTurns(1);
        turns.take(); // an API create holds the only turn
        var filed = new AtomicBoolean();
        var mail = Thread.ofVirtual()
                .start(() -> turns.inTurn(() -> {
                    filed.set(true);
                    return null;
                }));
        while (mail.getState() != Thread.State.WAITING) Thread.onSpinWait();
        assertThat(filed).isFalse();

        turns.give();
        mail.join();
        assertThat(filed).isTrue();
    }

    @Test
    void atLeastOneTurnWhateverTheSetting() throws Exception {
        var turns = new OpeningTurns(0);
        assertThat(turns.inTurn(() -> "opened")).isEqualTo("opened");
    }
}

package org.firstline.platform;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A module's background work on every node: one virtual thread that runs a step, pauses, and runs it again until
 * the application stops; a failing step is logged and tried again after the pause. Off when {@code enabled} is false
 * (tests drive the steps themselves).
 */
public abstract class BackgroundLoop implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

    private final String name;
    private final Duration pause;
    private final boolean enabled;
    private volatile boolean running;
    private volatile @Nullable Thread worker;
    // a wake-up is a permit, not an interrupt: interrupting a virtual thread in socket I/O would close its connection
    private final java.util.concurrent.Semaphore wakeUps = new java.util.concurrent.Semaphore(0);

    protected BackgroundLoop(String name, Duration pause, boolean enabled) {
        this.name = name;
        this.pause = pause;
        this.enabled = enabled;
    }

    /** One round of work. */
    protected abstract void step();

    /** True until the application stops: long steps check it between slices of work. */
    protected final boolean running() {
        return running;
    }

    /** Runs the next step now instead of after the pause (or right after the current one, if one is running). */
    public final void wake() {
        wakeUps.release();
    }

    /** Called on the loop's own thread once it ends, to let go of what the steps held. */
    protected void stopped() {}

    private void loop() {
        try {
            steps();
        } finally {
            stopped();
        }
    }

    private void steps() {
        while (running) {
            try {
                step();
            } catch (Throwable e) {
                // an Error (a stack overflow in a parser, an assertion in a library) is one bad round too: a loop
                // that died here would leave the node looking healthy while its alerts, mail or suggestions stopped
                if (!running) return;
                log.error("{} failed; trying again in {}", name, pause, e);
            }
            try {
                wakeUps.tryAcquire(pause.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                if (!running) return;
                // not from stop(): nobody else may end the loop, so the interrupt is only a shorter pause
            }
        }
    }

    @Override
    public void start() {
        if (!enabled) return;
        running = true;
        worker = Thread.ofVirtual().name(name).start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) t.interrupt();
    }

    /** Running while the loop's thread lives, so a health check or a test sees a loop that ended. */
    @Override
    public boolean isRunning() {
        Thread t = worker;
        return running && t != null && t.isAlive();
    }
}

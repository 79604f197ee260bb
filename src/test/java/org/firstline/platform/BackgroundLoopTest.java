package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {

    /** Counts its steps; the steps it is told to fail throw what they are given. */
    static final class CountingLoop extends BackgroundLoop {
        final AtomicInteger steps = new AtomicInteger();
        final CountDownLatch threeSteps = new CountDownLatch(3);
        private final Throwable firstFailure;

        CountingLoop(Throwable firstFailure) {
            super("test-loop", Duration.ofMillis(1), true);
            this.firstFailure = firstFailure;
        }

        @Override
        protected void step() {
            int n = steps.incrementAndGet();
            threeSteps.countDown();
            if (n == 1) throwUnchecked(firstFailure);
        }

        @SuppressWarnings("unchecked")
        private static <T extends Throwable> void throwUnchecked(Throwable t) throws T {
            throw (T) t;
        }
    }

    @Test
    void anErrorInOneStepDoesNotStopTheNextSteps() throws Exception {
        var loop = new CountingLoop(new StackOverflowError("deep mail"));
        loop.start();
        try {
            assertThat(loop.threeSteps.await(10, TimeUnit.SECONDS))
                    .as("three steps ran")
                    .isTrue();
            assertThat(loop.isRunning()).isTrue();
        } finally {
            loop.stop();
        }
    }

    @Test
    void aCheckedExceptionSmuggledOutOfAStepDoesNotStopTheLoopEither() throws Exception {
        var loop = new CountingLoop(new java.io.IOException("disk gone"));
        loop.start();
        try {
            assertThat(loop.threeSteps.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            loop.stop();
        }
    }

    @Test
    void stoppingEndsTheThreadAndIsRunningSaysSo() throws Exception {
        var loop = new CountingLoop(new RuntimeException("first"));
        loop.start();
        assertThat(loop.threeSteps.await(10, TimeUnit.SECONDS)).isTrue();
        loop.stop();
        assertThat(loop.isRunning()).isFalse();
        int after = waitUntilSteady(loop.steps);
        assertThat(loop.steps.get()).as("no steps after stop").isEqualTo(after);
    }

    @Test
    void aLoopThatIsOffNeverRuns() {
        var loop = new BackgroundLoop("off", Duration.ofMillis(1), false) {
            @Override
            protected void step() {
                throw new AssertionError("ran");
            }
        };
        loop.start();
        assertThat(loop.isRunning()).isFalse();
    }

    /** The step count once it stopped changing for a while: a step already under way when stop() came may finish. */
    private static int waitUntilSteady(AtomicInteger steps) throws InterruptedException {
        int last;
        do {
            last = steps.get();
            Thread.sleep(50);
        } while (steps.get() != last);
        return last;
    }

    @Test
    void aWakeUpRunsTheNextStepWithoutWaitingForThePause() throws Exception {
        var steps = new java.util.concurrent.LinkedBlockingQueue<Integer>();
        var loop = new BackgroundLoop("hourly-loop", Duration.ofHours(1), true) {
            private int n;

            @Override
            protected void step() {
                steps.add(++n);
            }
        };
        loop.start();
        try {
            assertThat(steps.poll(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(steps.poll(200, TimeUnit.MILLISECONDS))
                    .as("asleep for an hour")
                    .isNull();
            loop.wake();
            assertThat(steps.poll(10, TimeUnit.SECONDS)).as("woken").isEqualTo(2);
            assertThat(steps.poll(200, TimeUnit.MILLISECONDS))
                    .as("one wake-up, one step")
                    .isNull();
        } finally {
            loop.stop();
        }
    }
}

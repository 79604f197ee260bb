package org.firstline.benchmark;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** N clients, each doing its work back to back until the time is up; the rate is completed operations per second. */
final class ClosedLoop {
    interface Client {
        /** Runs one client: call {@code done.incrementAndGet()} per operation and stop when {@code stillRunning} is false. */
        void run(int client, java.util.function.BooleanSupplier stillRunning, AtomicLong done) throws Exception;
    }

    private ClosedLoop() {}

    static double rate(int clients, Duration duration, Client body) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        Thread[] threads = new Thread[clients];
        for (int t = 0; t < clients; t++) {
            int client = t;
            threads[t] = Thread.ofPlatform().start(() -> {
                try {
                    body.run(client, () -> System.nanoTime() < end, done);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        long started = System.nanoTime();
        for (Thread thread : threads) thread.join();
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }
}

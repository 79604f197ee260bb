package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Streams end after a while and leave the list however they end; the container's callbacks are played by hand. */
class LiveChannelTest {
    private final LiveChannel live = new LiveChannel(null, null);

    /** Keeps the callbacks the channel registers, so the test can fire them as the container would. */
    static class Stream extends SseEmitter {
        final List<Runnable> timeouts = new ArrayList<>();
        final List<Runnable> completions = new ArrayList<>();
        final List<Consumer<Throwable>> errors = new ArrayList<>();
        boolean completed;

        @Override
        public synchronized void onTimeout(Runnable callback) {
            timeouts.add(callback);
        }

        @Override
        public synchronized void onCompletion(Runnable callback) {
            completions.add(callback);
        }

        @Override
        public synchronized void onError(Consumer<Throwable> callback) {
            errors.add(callback);
        }

        @Override
        public void send(SseEventBuilder builder) {}

        @Override
        public synchronized void complete() {
            completed = true;
        }
    }

    @Test
    void aStreamEndsAfterHalfAnHourSoTheBrowserConnectsAgain() {
        SseEmitter emitter = live.subscribe(payload -> true);
        assertThat(emitter.getTimeout()).isEqualTo(Duration.ofMinutes(30).toMillis());
    }

    @Test
    void aTimedOutStreamIsCompletedAndLeavesTheList() {
        var stream = new Stream();
        live.subscribe(stream, payload -> true);
        assertThat(live.subscribers()).isEqualTo(1);
        stream.timeouts.forEach(Runnable::run);
        assertThat(live.subscribers()).isZero();
        assertThat(stream.completed)
                .as("completed, so the request ends cleanly and EventSource reconnects")
                .isTrue();
    }

    @Test
    void aCompletedOrFailedStreamLeavesTheList() {
        var done = new Stream();
        var failed = new Stream();
        live.subscribe(done, payload -> true);
        live.subscribe(failed, payload -> true);
        done.completions.forEach(Runnable::run);
        failed.errors.forEach(e -> e.accept(new java.io.IOException("broken pipe")));
        assertThat(live.subscribers()).isZero();
    }
}

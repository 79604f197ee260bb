package org.firstline.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class OpeningGateTest {
    @Test
    void opensOnlyAsManyTicketsAtOnceAsAllowedAndLetsTheRestFollow() throws Exception {
        var gate = new OpeningGate(new org.firstline.ticket.OpeningTurns(1));
        var inside = new AtomicInteger();
        var most = new AtomicInteger();
        var firstInside = new CountDownLatch(1);
        var letGo = new CountDownLatch(1);
        Runnable open = () -> {
            try {
                gate.doFilter(
                        new MockHttpServletRequest("POST", "/api/v1/tickets"),
                        new MockHttpServletResponse(),
                        (rq, rs) -> {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            firstInside.countDown();
                            try {
                                letGo.await(5, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            inside.decrementAndGet();
                        });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        var first = Thread.ofVirtual().start(open);
        assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
        var second = Thread.ofVirtual().start(open);
        Thread.sleep(100);
        assertThat(inside.get())
                .as("the second waits while the first is being opened")
                .isEqualTo(1);
        letGo.countDown();
        first.join(5000);
        second.join(5000);
        assertThat(most.get()).isEqualTo(1);
        assertThat(first.isAlive() || second.isAlive()).isFalse();
    }

    @Test
    void readsAndOtherWritesPassWithoutWaiting() throws Exception {
        var gate = new OpeningGate(new org.firstline.ticket.OpeningTurns(1));
        var passed = new AtomicInteger();
        // the only permit is taken by an opening that never ends
        var blocked = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            try {
                gate.doFilter(
                        new MockHttpServletRequest("POST", "/api/v1/tickets"),
                        new MockHttpServletResponse(),
                        (rq, rs) -> {
                            blocked.countDown();
                            try {
                                Thread.sleep(10_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
            } catch (Exception e) {
                // interrupted at the end of the test run
            }
        });
        assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
        gate.doFilter(
                new MockHttpServletRequest("GET", "/api/v1/triage/desk"),
                new MockHttpServletResponse(),
                (rq, rs) -> passed.incrementAndGet());
        gate.doFilter(
                new MockHttpServletRequest("POST", "/api/v1/tickets/7/messages"),
                new MockHttpServletResponse(),
                (rq, rs) -> passed.incrementAndGet());
        assertThat(passed.get()).isEqualTo(2);
    }
}

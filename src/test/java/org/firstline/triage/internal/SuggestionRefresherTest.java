package org.firstline.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.firstline.platform.LiveChannel;
import org.firstline.triage.SuggestionService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** A burst of new tickets waits in a bounded line; the rest are left to the background step's catch-up. */
class SuggestionRefresherTest {

    @Test
    void aBurstBeyondTheLineIsLeftToTheCatchUp() throws Exception {
        var computed = new AtomicInteger();
        var open = new CountDownLatch(1);
        var service = mock(SuggestionService.class);
        doAnswer(call -> {
                    open.await(30, TimeUnit.SECONDS);
                    computed.incrementAndGet();
                    return null;
                })
                .when(service)
                .refresh(anyLong());
        var beans = new StaticListableBeanFactory();
        beans.addBean("suggestions", service);
        var refresher =
                new SuggestionRefresher(null, beans.getBeanProvider(SuggestionService.class), mock(LiveChannel.class));

        int burst = SuggestionRefresher.MAX_WAITING + 200;
        for (long ticket = 1; ticket <= burst; ticket++) refresher.refreshLater(ticket);
        open.countDown();

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (computed.get() < SuggestionRefresher.MAX_WAITING && System.nanoTime() < until) Thread.sleep(10);
        Thread.sleep(200); // anything beyond the line would have run by now
        assertThat(computed.get()).isEqualTo(SuggestionRefresher.MAX_WAITING);

        // the line is free again once those are done
        refresher.refreshLater(burst + 1);
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (computed.get() == SuggestionRefresher.MAX_WAITING && System.nanoTime() < until) Thread.sleep(10);
        assertThat(computed.get()).isEqualTo(SuggestionRefresher.MAX_WAITING + 1);
    }
}

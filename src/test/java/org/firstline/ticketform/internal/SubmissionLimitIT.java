package org.firstline.ticketform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.firstline.platform.FirstlineSettings;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Requests are limited per network address as well as per address, across addresses. */
@TestPropertySource(
        properties = {
            "firstline.public-url=http://desk.test",
            "firstline.ticket-form.mailbox=form-help@firstline.test",
            "firstline.ticket-form.network-limit-per-hour=100000"
        })
class SubmissionLimitIT extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    FirstlineSettings settings;

    @Test
    void aNetworkAddressSendingForManyAddressesIsStoppedAtItsLimit() {
        var requests = new PendingRequests(jdbc, clock, events, settings, new SubmissionLimits(5, 3));
        String network = "net-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            requests.submit("N", UUID.randomUUID() + "@many.test", "S", "D", network);
        }
        assertThatThrownBy(() -> requests.submit("N", UUID.randomUUID() + "@many.test", "S", "D", network))
                .isInstanceOf(PendingRequests.TooManyRequests.class);
        requests.submit("N", UUID.randomUUID() + "@many.test", "S", "D", "another-" + network);
        clock.advance(Duration.ofMinutes(61));
        requests.submit("N", UUID.randomUUID() + "@many.test", "S", "D", network);
        assertThat(jdbc.sql("select count(*) from form_request where ip_hash = ?")
                        .param(network)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
    }
}

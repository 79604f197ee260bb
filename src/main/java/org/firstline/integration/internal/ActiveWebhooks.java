package org.firstline.integration.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.firstline.integration.WebhookEvent;
import org.firstline.platform.LiveChannel;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which active webhooks take which event, kept in memory: every ticket change asks, and most desks have few webhooks
 * that change rarely. A change on any node is heard over the live channel; the copy is read again at least every
 * {@value #KEPT_SECONDS} seconds in any case. A webhook disabled meanwhile is harmless: its deliveries are checked
 * when they are sent.
 */
@Component
public class ActiveWebhooks {
    static final String CHANGED = "webhook";
    private static final int KEPT_SECONDS = 30;

    private record Copy(Map<String, List<Long>> byEvent, long readAt) {}

    private final JdbcClient jdbc;
    private final LiveChannel live;
    private volatile @Nullable Copy copy;

    ActiveWebhooks(JdbcClient jdbc, LiveChannel live) {
        this.jdbc = jdbc;
        this.live = live;
        live.listen(payload -> {
            if (payload.startsWith(CHANGED + ":")) copy = null;
        });
    }

    List<Long> subscribedTo(WebhookEvent event) {
        Copy current = copy;
        if (current == null || System.nanoTime() - current.readAt() > KEPT_SECONDS * 1_000_000_000L) {
            long readAt = System.nanoTime();
            record Row(long id, String[] events) {}
            var rows = jdbc.sql("select id, events from webhook_subscription where active order by id")
                    .query((rs, n) ->
                            new Row(rs.getLong(1), (String[]) rs.getArray(2).getArray()))
                    .list();
            current = new Copy(
                    rows.stream()
                            .flatMap(r -> Arrays.stream(r.events()).map(e -> Map.entry(e, r.id())))
                            .collect(Collectors.groupingBy(
                                    Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList()))),
                    readAt);
            copy = current;
        }
        return current.byEvent().getOrDefault(event.name(), List.of());
    }

    /** Webhooks were added, enabled or removed: this node reads them again now, every node once it commits. */
    public void changed() {
        copy = null;
        live.announce(CHANGED, 0);
    }
}

package org.firstline.incident;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.firstline.incident.internal.StatusBoardReader;
import org.firstline.platform.LiveChannel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The public status as last read from the database, held in memory so the status page, its feeds and the ticket
 * form's banner answer at once and keep answering, with the time of that reading, while PostgreSQL is slow or down.
 * A change on any node is announced with {@link #changed()} and every node reads the status again; a reading every
 * half minute catches what a lost notification missed.
 */
@Component
public class StatusBoard {
    static final String EVENT = "status";
    private static final Logger log = LoggerFactory.getLogger(StatusBoard.class);

    private final StatusBoardReader reader;
    private final LiveChannel live;
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile @Nullable PublicStatus current;

    StatusBoard(StatusBoardReader reader, LiveChannel live) {
        this.reader = reader;
        this.live = live;
        live.listen(payload -> {
            if (payload.startsWith(EVENT + ":")) refreshSoon();
        });
    }

    /** The last reading; before the first one succeeds, an empty page read "never". */
    public PublicStatus current() {
        PublicStatus status = current;
        if (status != null) return status;
        refresh();
        status = current;
        return status != null ? status : new PublicStatus("Status", Instant.EPOCH, List.of(), List.of(), List.of());
    }

    /** Tells every node to read the status again once the current transaction commits. */
    public void changed() {
        live.announce(EVENT, 0);
    }

    /**
     * Reads the status now; on failure the last reading stays. One reading at a time, so a reading that began before
     * a change cannot finish after one that saw it and put the older state back.
     */
    public synchronized boolean refresh() {
        try {
            current = reader.read();
            return true;
        } catch (RuntimeException e) {
            log.warn("Status not read; the page shows the reading of {}", readAt(), e);
            return false;
        }
    }

    private @Nullable Instant readAt() {
        PublicStatus status = current;
        return status == null ? null : status.readAt();
    }

    @EventListener(ApplicationReadyEvent.class)
    void firstReading() {
        refresh();
    }

    /** Off the listening thread, and one reading at a time: a burst of changes costs one or two readings. */
    private void refreshSoon() {
        again.set(true);
        if (!reading.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("status-board").start(() -> {
            try {
                while (again.getAndSet(false)) refresh();
            } finally {
                reading.set(false);
                if (again.get()) refreshSoon();
            }
        });
    }
}

package org.firstline.triage;

import java.util.List;

/** One page of the work queue: {@code total} tickets in all, these from {@code offset} on, ranked under this budget share. */
public record WorkQueuePage(List<WorkItem> items, int total, int offset, int limit, int budgetSharePercent) {
    public boolean hasMore() {
        return offset + items.size() < total;
    }
}

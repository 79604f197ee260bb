package org.firstline.oncall;

import java.time.Instant;

/** How often one source's dedup key fired (alerts opened) and was posted (receipts) in the period. */
public record AlertNoise(
        long sourceId, String sourceName, String dedupKey, String summary, long fired, long receipts, Instant lastAt) {}

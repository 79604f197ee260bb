package org.firstline.platform.internal;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the heap near what Firstline holds instead of what the machine could give it. Without {@code -Xms} the JVM
 * starts with a 64th of the machine's memory (370 MB on a 23 GB host) and a collector keeps whatever it grew to, so
 * the process stayed near its {@code -Xmx} with a fraction of that in use. Once started, the heap may keep at most
 * {@code firstline.heap.max-free-percent} free after a full collection (the JVM gives the rest back), unless the
 * launch set the ratios itself; one collection then returns what start-up left behind.
 */
@Component
class HeapFootprint {
    private static final Logger log = LoggerFactory.getLogger(HeapFootprint.class);

    private final int maxFreePercent;

    HeapFootprint(@Value("${firstline.heap.max-free-percent:30}") int maxFreePercent) {
        this.maxFreePercent = maxFreePercent;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fitHeap() {
        if (maxFreePercent <= 0 || maxFreePercent >= 100) return;
        try {
            var hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (setByLaunch(hotspot, "MaxHeapFreeRatio") || setByLaunch(hotspot, "MinHeapFreeRatio")) return;
            hotspot.setVMOption("MinHeapFreeRatio", String.valueOf(Math.min(10, maxFreePercent)));
            hotspot.setVMOption("MaxHeapFreeRatio", String.valueOf(maxFreePercent));
            long before = Runtime.getRuntime().totalMemory();
            System.gc(); // once, after start-up: return what loading classes and migrations left behind
            log.info(
                    "Heap kept within {} % free: {} MB after start-up, was {} MB",
                    maxFreePercent, Runtime.getRuntime().totalMemory() >> 20, before >> 20);
        } catch (RuntimeException e) {
            // another JVM, or flags it does not let us change: its own heap policy stays
            log.debug("Heap ratios not adjustable", e);
        }
    }

    private static boolean setByLaunch(HotSpotDiagnosticMXBean hotspot, String flag) {
        return hotspot.getVMOption(flag).getOrigin() != VMOption.Origin.DEFAULT;
    }
}

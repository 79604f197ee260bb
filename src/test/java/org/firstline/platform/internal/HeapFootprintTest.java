package org.firstline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapFootprintTest {
    private final HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void letsTheHeapKeepOnlyTheConfiguredShareFreeUnlessTheLaunchChose() {
        boolean launchChose = hotspot.getVMOption("MaxHeapFreeRatio").getOrigin() != VMOption.Origin.DEFAULT
                || hotspot.getVMOption("MinHeapFreeRatio").getOrigin() != VMOption.Origin.DEFAULT;
        String before = hotspot.getVMOption("MaxHeapFreeRatio").getValue();

        new HeapFootprint(30).fitHeap();

        assertThat(hotspot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(launchChose ? before : "30");
        if (!launchChose) {
            assertThat(hotspot.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo("10");
        }
    }

    @Test
    void zeroLeavesTheJvmsOwnPolicy() {
        String before = hotspot.getVMOption("MaxHeapFreeRatio").getValue();
        new HeapFootprint(0).fitHeap();
        assertThat(hotspot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(before);
    }
}

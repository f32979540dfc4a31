package io.centerline.targeting.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DetectorMemoryTests {

    private static final DetectorMemory.Sizes DEFAULTS =
            new DetectorMemory.Sizes(50_000, 128, 200_000, 500_000, 500_000);
    private static final long MB = 1L << 20;

    @Test
    void aLargeHeapKeepsTheConfiguredSizes() {
        assertThat(DetectorMemory.ofHeap(8_192 * MB, 0.25).fit(DEFAULTS)).isEqualTo(DEFAULTS);
    }

    @Test
    void aSmallHeapScalesEveryMapByTheSameFactor() {
        DetectorMemory.Sizes sizes = DetectorMemory.ofHeap(512 * MB, 0.25).fit(DEFAULTS);

        double factor = sizes.misclassificationKeys() / 500_000.0;
        assertThat(factor).isLessThan(0.5);
        assertThat(sizes.peerGroups() / 50_000.0).isCloseTo(factor, within(0.001));
        assertThat(sizes.importers() / 200_000.0).isCloseTo(factor, within(0.001));
        assertThat(sizes.manufacturers() / 500_000.0).isCloseTo(factor, within(0.001));
        assertThat(sizes.sampleSize()).isEqualTo(128);
    }

    @Test
    void theScaledSizesFitTheBudget() {
        DetectorMemory memory = DetectorMemory.ofHeap(512 * MB, 0.25);
        DetectorMemory.Sizes sizes = memory.fit(DEFAULTS);

        double needed = sizes.peerGroups() * (200.0 + 4 * 128)
                + sizes.importers() * (300.0 + 4 * 330)
                + sizes.manufacturers() * 110.0
                + sizes.misclassificationKeys() * 700.0;
        assertThat(needed).isLessThanOrEqualTo(memory.budgetBytes());
    }

    @Test
    void noMapShrinksBelowItsFloor() {
        DetectorMemory.Sizes sizes = DetectorMemory.ofHeap(16 * MB, 0.01).fit(DEFAULTS);

        assertThat(sizes.peerGroups()).isEqualTo(DetectorMemory.MIN_KEYS);
        assertThat(sizes.misclassificationKeys()).isEqualTo(DetectorMemory.MIN_KEYS);
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> DetectorMemory.ofHeap(512 * MB, 0)).hasMessageContaining("heap share");
        assertThatThrownBy(() -> DetectorMemory.ofHeap(512 * MB, 1.5)).hasMessageContaining("heap share");
    }
}

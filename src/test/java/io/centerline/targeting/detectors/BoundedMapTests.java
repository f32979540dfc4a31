package io.centerline.targeting.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedMapTests {

    @Test
    void holdsNoMoreKeysThanItsCapacityForgettingTheOldestUnusedFirst() {
        BoundedMap<String, AtomicInteger> map = new BoundedMap<>(64);
        for (int i = 0; i < 1_000; i++) {
            map.update("key-" + i, AtomicInteger::new, AtomicInteger::incrementAndGet);
        }

        assertThat(map.size()).isLessThanOrEqualTo(64).isGreaterThan(32);
        assertThat(map.read("key-999", AtomicInteger::get)).isEqualTo(1);
        assertThat(map.read("key-0", AtomicInteger::get)).isNull();
    }

    @Test
    void aKeyInUseOutlivesAFloodOfKeysSeenOnce() {
        BoundedMap<String, AtomicInteger> map = new BoundedMap<>(64);
        map.update("busy", AtomicInteger::new, AtomicInteger::incrementAndGet);
        for (int i = 0; i < 10_000; i++) {
            map.update("once-" + i, AtomicInteger::new, AtomicInteger::incrementAndGet);
            if (i % 8 == 0) {
                map.update("busy", AtomicInteger::new, AtomicInteger::incrementAndGet);
            }
        }

        assertThat(map.read("busy", AtomicInteger::get)).isEqualTo(1 + 1_250);
        assertThat(map.size()).isLessThanOrEqualTo(64);
    }

    @Test
    void aKeyNoLongerUsedIsForgottenOnceTheClockHasPassedIt() {
        BoundedMap<String, AtomicInteger> map = new BoundedMap<>(64);
        for (int i = 0; i < 64; i++) {
            map.update("early-" + i, AtomicInteger::new, AtomicInteger::incrementAndGet);
            map.read("early-" + i, AtomicInteger::get);
        }
        for (int i = 0; i < 1_000; i++) {
            map.update("late-" + i, AtomicInteger::new, AtomicInteger::incrementAndGet);
        }

        for (int i = 0; i < 64; i++) {
            assertThat(map.read("early-" + i, AtomicInteger::get)).isNull();
        }
    }

    @Test
    void aLargeMapFillsToItsCapacityBeforeItForgetsAnything() {
        BoundedMap<Integer, AtomicInteger> map = new BoundedMap<>(16 * 1_000);
        for (int i = 0; i < 20_000; i++) {
            map.update(i, AtomicInteger::new, AtomicInteger::incrementAndGet);
        }

        assertThat(map.size()).isEqualTo(16 * 1_000);
        assertThat(map.read(19_999, AtomicInteger::get)).isEqualTo(1);
    }
}

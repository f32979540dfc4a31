package io.centerline.targeting.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedMapTests {

    @Test
    void holdsNoMoreKeysThanItsCapacityForgettingTheLeastRecentlyUsed() {
        BoundedMap<String, AtomicInteger> map = new BoundedMap<>(64);
        for (int i = 0; i < 1_000; i++) {
            map.update("key-" + i, AtomicInteger::new, AtomicInteger::incrementAndGet);
        }

        assertThat(map.size()).isLessThanOrEqualTo(64).isGreaterThan(32);
        assertThat(map.read("key-999", AtomicInteger::get)).isEqualTo(1);
        assertThat(map.read("key-0", AtomicInteger::get)).isNull();
    }
}

package io.centerline.targeting.detectors;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A thread-safe map of running statistics that holds at most a fixed number of keys, forgetting first a key not used
 * since the last time it came up for eviction (the CLOCK approximation of least recently used). Keys are spread over
 * segments with a lock each, so threads scoring different keys rarely wait; values are only ever read or changed under
 * their segment's lock, through {@link #read} and {@link #update}.
 *
 * <p>An exact LRU order (a {@link java.util.LinkedHashMap} in access order) relinks an entry on every read; the maps
 * live in the old generation, where every such reference write goes through the collector's write barrier. With
 * CLOCK, which only sets a flag on a read, a 400,000-entry benchmark of filing and scoring ran about a fifth faster
 * ({@code docs/BENCHMARKS.md}).
 */
final class BoundedMap<K, V> {

    private static final int SEGMENTS = 16;
    private static final int SEGMENT_SHIFT = Integer.SIZE - Integer.numberOfTrailingZeros(SEGMENTS);

    private final Segment<K, V>[] segments;

    @SuppressWarnings("unchecked")
    BoundedMap(int capacity) {
        if (capacity < SEGMENTS) {
            throw new IllegalArgumentException("A bounded map holds at least " + SEGMENTS + " keys, not " + capacity);
        }
        segments = new Segment[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment<>(capacity / SEGMENTS);
        }
    }

    /** What {@code reader} makes of the value of a key, or {@code null} when the key is not held. */
    <R> R read(K key, Function<? super V, R> reader) {
        Segment<K, V> segment = segment(key);
        synchronized (segment) {
            V value = segment.get(key);
            return value == null ? null : reader.apply(value);
        }
    }

    /** Changes the value of a key in place, creating it first when the key is not held. */
    void update(K key, Supplier<? extends V> create, java.util.function.Consumer<? super V> change) {
        Segment<K, V> segment = segment(key);
        synchronized (segment) {
            V value = segment.get(key);
            if (value == null) {
                value = create.get();
                segment.put(key, value);
            }
            change.accept(value);
        }
    }

    int size() {
        int size = 0;
        for (Segment<K, V> segment : segments) {
            synchronized (segment) {
                size += segment.size();
            }
        }
        return size;
    }

    /**
     * The segment of a key, taken from the top bits of its mixed hash: each segment's own table indexes by the low
     * bits, so choosing the segment by those too would leave fifteen of every sixteen buckets empty and chain the rest.
     */
    private Segment<K, V> segment(K key) {
        return segments[(key.hashCode() * 0x9E3779B9) >>> SEGMENT_SHIFT];
    }

    /** One lock's share of the keys, with a ring of its keys that the clock hand sweeps to find one to forget. */
    private static final class Segment<K, V> {
        private final Map<K, Slot<V>> slots = new HashMap<>();
        private final int capacity;
        private Object[] ring;
        private int hand;
        private int filled;

        Segment(int capacity) {
            this.capacity = capacity;
            this.ring = new Object[Math.min(capacity, 16)];
        }

        V get(K key) {
            Slot<V> slot = slots.get(key);
            if (slot == null) {
                return null;
            }
            slot.used = true;
            return slot.value;
        }

        /** Adds a key that is not held, forgetting one when the segment is full. */
        void put(K key, V value) {
            Slot<V> slot = new Slot<>(value);
            if (filled < capacity) {
                if (filled == ring.length) {
                    ring = Arrays.copyOf(ring, Math.min(capacity, ring.length * 2));
                }
                ring[filled++] = key;
                slots.put(key, slot);
                return;
            }
            while (true) {
                Slot<V> candidate = slots.get(ring[hand]);
                if (candidate.used) {
                    candidate.used = false;
                    hand = (hand + 1) % capacity;
                } else {
                    slots.remove(ring[hand]);
                    ring[hand] = key;
                    slots.put(key, slot);
                    hand = (hand + 1) % capacity;
                    return;
                }
            }
        }

        int size() {
            return slots.size();
        }
    }

    /** A value and whether it was used since the clock hand last passed it. */
    private static final class Slot<V> {
        final V value;
        boolean used;

        Slot(V value) {
            this.value = value;
        }
    }
}

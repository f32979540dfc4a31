package io.centerline.targeting.detectors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A thread-safe map of running statistics that holds at most a fixed number of keys, forgetting the least recently
 * used first. Keys are spread over segments with a lock each, so threads scoring different keys rarely wait; values
 * are only ever read or changed under their segment's lock, through {@link #read} and {@link #update}.
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

    private static final class Segment<K, V> extends LinkedHashMap<K, V> {
        private final int capacity;

        Segment(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
        }
    }
}

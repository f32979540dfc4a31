package io.centerline.targeting.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Length-prefixed strings and maps on data streams, for the stored state of a pipeline. */
final class Binary {

    private Binary() {}

    static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (1 << 24)) {
            throw new IOException("A stored string cannot be " + length + " bytes long");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void writeCounts(DataOutputStream out, Map<String, int[]> counts, int width) throws IOException {
        out.writeInt(counts.size());
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            writeString(out, entry.getKey());
            for (int i = 0; i < width; i++) {
                out.writeInt(entry.getValue()[i]);
            }
        }
    }

    static Map<String, int[]> readCounts(DataInputStream in, int width) throws IOException {
        int size = checkedSize(in.readInt());
        Map<String, int[]> counts = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            String key = readString(in);
            int[] values = new int[width];
            for (int j = 0; j < width; j++) {
                values[j] = in.readInt();
            }
            counts.put(key, values);
        }
        return counts;
    }

    static void writeDoubles(DataOutputStream out, Map<String, Double> values) throws IOException {
        out.writeInt(values.size());
        for (Map.Entry<String, Double> entry : values.entrySet()) {
            writeString(out, entry.getKey());
            out.writeDouble(entry.getValue());
        }
    }

    static Map<String, Double> readDoubles(DataInputStream in) throws IOException {
        int size = checkedSize(in.readInt());
        Map<String, Double> values = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            values.put(readString(in), in.readDouble());
        }
        return values;
    }

    static int checkedSize(int size) throws IOException {
        if (size < 0 || size > 100_000_000) {
            throw new IOException("A stored table cannot hold " + size + " entries");
        }
        return size;
    }
}

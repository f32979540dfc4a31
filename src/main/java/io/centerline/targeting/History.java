package io.centerline.targeting;

import java.util.Map;

/**
 * What earlier reviews recorded about the parties of an entry summary, as known when it is scored: the importer, the
 * filer and each manufacturer on its lines (by manufacturer identification code).
 */
public record History(Track importer, Track filer, Map<String, Track> manufacturers) {

    public static final History NONE = new History(Track.NONE, Track.NONE, Map.of());

    public History {
        manufacturers = Map.copyOf(manufacturers);
    }

    public Track manufacturer(String manufacturerId) {
        return manufacturers.getOrDefault(manufacturerId, Track.NONE);
    }
}

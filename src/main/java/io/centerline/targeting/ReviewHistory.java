package io.centerline.targeting;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How often each importer, filer and manufacturer was reviewed and how often a review found something, kept in memory
 * for scoring: read once from the recorded outcomes, then counted on as outcomes are recorded.
 */
@Component
class ReviewHistory {

    private final JdbcClient jdbc;
    private final Map<String, Counts> importers = new ConcurrentHashMap<>();
    private final Map<String, Counts> filers = new ConcurrentHashMap<>();
    private final Map<String, Counts> manufacturers = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    ReviewHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The history of an entry summary's importer, filer and the manufacturers on its lines. */
    History of(String importer, String filer, List<Declaration> lines) {
        ensureLoaded();
        Map<String, Track> makers = new HashMap<>();
        for (Declaration line : lines) {
            Counts counts = manufacturers.get(line.manufacturer());
            if (counts != null) {
                makers.put(line.manufacturer(), counts.track());
            }
        }
        return new History(track(importers, importer), track(filers, filer), makers);
    }

    /** Counts one more review of an entry summary with these parties. */
    void record(String importer, String filer, Collection<String> manufacturerIds, boolean finding) {
        ensureLoaded();
        count(importers, importer, finding);
        count(filers, filer, finding);
        new LinkedHashSet<>(manufacturerIds).forEach(id -> count(manufacturers, id, finding));
    }

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            jdbc.sql("select s.importer_number, s.filer_code, o.outcome <> 'NO_CHANGE',"
                            + " array_agg(distinct l.manufacturer_id)"
                            + " from review_outcome o"
                            + " join entry_summary s on s.entry_number = o.entry_number and s.version = o.version"
                            + " join entry_line l on l.entry_number = o.entry_number and l.version = o.version"
                            + " group by o.entry_number, o.version, s.importer_number, s.filer_code, o.outcome")
                    .query(rs -> {
                        boolean finding = rs.getBoolean(3);
                        count(importers, rs.getString(1), finding);
                        count(filers, rs.getString(2), finding);
                        for (String id : (String[]) rs.getArray(4).getArray()) {
                            count(manufacturers, id, finding);
                        }
                    });
            loaded = true;
        }
    }

    private static Track track(Map<String, Counts> counts, String key) {
        Counts found = key == null ? null : counts.get(key);
        return found == null ? Track.NONE : found.track();
    }

    private static void count(Map<String, Counts> counts, String key, boolean finding) {
        if (key != null) {
            counts.computeIfAbsent(key, k -> new Counts()).add(finding);
        }
    }

    /** Reviews and findings of one party. */
    private static final class Counts {
        private long reviews;
        private long findings;

        synchronized void add(boolean finding) {
            reviews++;
            if (finding) {
                findings++;
            }
        }

        synchronized Track track() {
            return new Track(reviews, findings);
        }
    }

    static Set<String> manufacturers(List<Declaration> lines) {
        Set<String> ids = new LinkedHashSet<>();
        lines.forEach(line -> ids.add(line.manufacturer()));
        return ids;
    }
}

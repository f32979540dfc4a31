package io.centerline.targeting.rules;

import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.History;
import io.centerline.targeting.Track;
import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The review history of importers, filers and manufacturers as it stood on each day, for backtests of rules that
 * read {@code history.*}. Reviews are taken in the order they were made and count only for entries dated after the
 * review day, so a backtest never lets a rule see a review that had not happened yet.
 */
final class PastReviews {

    private final List<Review> reviews;
    private final Map<String, long[]> importers = new HashMap<>();
    private final Map<String, long[]> filers = new HashMap<>();
    private final Map<String, long[]> manufacturers = new HashMap<>();
    private int next;

    private PastReviews(List<Review> reviews) {
        this.reviews = reviews;
    }

    /** The reviews made before {@code upTo}, oldest first. */
    static PastReviews before(JdbcClient jdbc, LocalDate upTo) {
        List<Review> reviews = new ArrayList<>();
        jdbc.sql("""
                        select o.reviewed_on, o.outcome <> 'NO_CHANGE' as finding, s.importer_number, s.filer_code,
                               array(select distinct l.manufacturer_id from entry_line l
                                     where l.entry_number = o.entry_number and l.version = o.version) as manufacturers
                        from review_outcome o
                        join entry_summary s on s.entry_number = o.entry_number and s.version = o.version
                        where o.reviewed_on < ?
                        order by o.reviewed_on
                        """).param(upTo).withFetchSize(StoredEntryRows.FETCH_SIZE).query(rs -> {
            Array array = rs.getArray("manufacturers");
            reviews.add(new Review(
                    rs.getObject("reviewed_on", LocalDate.class),
                    rs.getBoolean("finding"),
                    rs.getString("importer_number"),
                    rs.getString("filer_code"),
                    array == null ? new String[0] : (String[]) array.getArray()));
        });
        return new PastReviews(reviews);
    }

    /** The entry with the history of its parties as it stood on its entry date; entries must come in date order. */
    EntryUnderReview withHistory(EntryUnderReview entry) {
        while (next < reviews.size() && reviews.get(next).on.isBefore(entry.entryDate())) {
            Review review = reviews.get(next++);
            add(importers, review.importer, review.finding);
            add(filers, review.filer, review.finding);
            for (String manufacturer : review.manufacturers) {
                add(manufacturers, manufacturer, review.finding);
            }
        }
        Map<String, Track> byManufacturer = new HashMap<>();
        for (Declaration line : entry.lines()) {
            if (line.manufacturer() != null) {
                byManufacturer.put(line.manufacturer(), track(manufacturers, line.manufacturer()));
            }
        }
        History history = new History(track(importers, entry.importer()), track(filers, entry.filer()), byManufacturer);
        return new EntryUnderReview(
                entry.entryNumber(),
                entry.version(),
                entry.entryDate(),
                entry.entryType(),
                entry.center(),
                entry.importer(),
                entry.filer(),
                entry.trustedPartner(),
                entry.lines(),
                history);
    }

    private static void add(Map<String, long[]> counts, String key, boolean finding) {
        if (key == null) {
            return;
        }
        long[] count = counts.computeIfAbsent(key, k -> new long[2]);
        count[0]++;
        if (finding) {
            count[1]++;
        }
    }

    private static Track track(Map<String, long[]> counts, String key) {
        long[] count = key == null ? null : counts.get(key);
        return count == null ? Track.NONE : new Track(count[0], count[1]);
    }

    private record Review(LocalDate on, boolean finding, String importer, String filer, String[] manufacturers) {}
}

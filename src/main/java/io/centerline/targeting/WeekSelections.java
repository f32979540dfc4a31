package io.centerline.targeting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What one Center-week holds: the capacity it runs under, its review items, how many summaries it scored and the
 * summaries it selected, for risk and for the control sample, with their review outcomes. This is the review work a
 * week has given out, as a supervisor plans it and as the review queues will take it over.
 */
@Component
public class WeekSelections {

    /** The most selections a week's answer lists unless asked for more. */
    public static final int DEFAULT_LIMIT = 500;

    /** The most selections one answer lists. */
    public static final int MAX_LIMIT = 5_000;

    private final JdbcClient jdbc;
    private final Selection selection;

    WeekSelections(JdbcClient jdbc, Selection selection) {
        this.jdbc = jdbc;
        this.selection = selection;
    }

    /**
     * A Center-week: Monday to Sunday by entry date, under the capacity in force at its end (today while it runs), as
     * selection counts it.
     */
    public record Week(
            String center,
            LocalDate from,
            LocalDate to,
            Capacity capacity,
            Capacity.WeekItems items,
            int scored,
            Counts selected,
            int reviewed,
            int findings,
            List<Selected> selections,
            boolean truncated) {}

    /** Selections of a week, for risk and for the control sample, and of them those of trusted partners. */
    public record Counts(int risk, int control, int trustedPartners) {}

    /** A selected entry summary version, with the review outcome recorded for it if any. */
    public record Selected(
            String entryNumber,
            int version,
            String importerNumber,
            LocalDate entryDate,
            double score,
            String selection,
            String ground,
            boolean trustedPartner,
            String outcome) {}

    /**
     * The week holding {@code date} for a Center: its selections for risk first, the riskiest first, then those for
     * the control sample, listing at most {@code limit}.
     */
    public Week of(String center, LocalDate date, int limit) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        Capacity capacity = selection.capacityOf(center, monday);
        int[] totals = jdbc.sql("select count(*), count(*) filter (where a.selection = 'RISK'),"
                        + " count(*) filter (where a.selection = 'CONTROL'),"
                        + " count(*) filter (where a.selection is not null and a.trusted_partner),"
                        + " count(o.entry_number) filter (where a.selection is not null),"
                        + " count(o.entry_number) filter (where a.selection is not null and o.outcome <> 'NO_CHANGE')"
                        + " from risk_assessment a left join review_outcome o"
                        + " on o.entry_number = a.entry_number and o.version = a.version"
                        + " where a.center = ? and a.entry_date between ? and ?")
                .params(center, monday, sunday)
                .query((rs, i) ->
                        new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)})
                .single();
        List<Selected> selections = jdbc.sql("select a.entry_number, a.version, a.importer_number, a.entry_date,"
                        + " a.score, a.selection, a.ground, a.trusted_partner, o.outcome"
                        + " from risk_assessment a left join review_outcome o"
                        + " on o.entry_number = a.entry_number and o.version = a.version"
                        + " where a.center = ? and a.entry_date between ? and ? and a.selection is not null"
                        + " order by a.selection desc, a.score desc, a.entry_number, a.version limit ?")
                .params(center, monday, sunday, limit + 1)
                .query((rs, i) -> new Selected(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getDouble(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBoolean(8),
                        rs.getString(9)))
                .list();
        boolean truncated = selections.size() > limit;
        return new Week(
                center,
                monday,
                sunday,
                capacity,
                capacity.itemsIn(monday),
                totals[0],
                new Counts(totals[1], totals[2], totals[3]),
                totals[4],
                totals[5],
                truncated ? selections.subList(0, limit) : selections,
                truncated);
    }
}

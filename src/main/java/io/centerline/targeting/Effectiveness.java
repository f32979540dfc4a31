package io.centerline.targeting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How well each rule, detector, the model and the random control sample do, per Center and per month of entry: how
 * many entry summaries each flagged, how many of those were selected and reviewed, how many reviews found something,
 * the revenue found, and the burden of reviews that found nothing. The control sample's hit rate is the baseline the
 * others are measured against.
 */
@Component
public class Effectiveness {

    private final JdbcClient jdbc;

    Effectiveness(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One source's figures for one Center and month.
     *
     * @param flagged entry summaries it found something in
     * @param falsePositives reviews of those that found nothing
     * @param hitRate the share of reviews that found something, or null before any review
     * @param falsePositiveShare the share of reviews that found nothing, or null before any review
     */
    public record Figures(
            String source,
            String code,
            String center,
            String month,
            long flagged,
            long selected,
            long reviewed,
            long findings,
            BigDecimal revenueFound,
            long falsePositives,
            Double hitRate,
            Double falsePositiveShare) {

        static Figures of(
                String source,
                String code,
                String center,
                String month,
                long flagged,
                long selected,
                long reviewed,
                long findings,
                BigDecimal revenueFound,
                long falsePositives) {
            return new Figures(
                    source,
                    code,
                    center,
                    month,
                    flagged,
                    selected,
                    reviewed,
                    findings,
                    // in dollars and cents, as every amount is written, also when nothing was found
                    revenueFound.setScale(2, RoundingMode.HALF_EVEN),
                    falsePositives,
                    reviewed == 0 ? null : (double) findings / reviewed,
                    reviewed == 0 ? null : (double) falsePositives / reviewed);
        }
    }

    /**
     * The figures of entries entered in a period, optionally of one Center and one code. The unit is the entry
     * summary, not its version: an entry is flagged by a source if any of its versions was, selected if any of its
     * versions was (a review item goes on with the correction that follows it), and reviewed, with a finding and the revenue
     * found, by the outcomes recorded on any of its versions. It is counted under the Center and month of its latest
     * flagged version.
     */
    public List<Figures> between(LocalDate from, LocalDate to, String center, String code) {
        String sql = "with flagged as ("
                + " select distinct f.source, f.code, a.entry_number, a.version, a.center, a.entry_date, a.selection"
                + " from risk_finding f join risk_assessment a on a.entry_number = f.entry_number"
                + " and a.version = f.version"
                + " where a.entry_date between ? and ?"
                + " union all"
                + " select 'CONTROL', 'control', a.entry_number, a.version, a.center, a.entry_date, a.selection"
                + " from risk_assessment a where a.selection = 'CONTROL' and a.entry_date between ? and ?),"
                + " entries as ("
                + " select source, code, entry_number,"
                + " (array_agg(center order by version desc))[1] as center,"
                + " (array_agg(entry_date order by version desc))[1] as entry_date,"
                + " bool_or(selection is not null) as selected"
                + " from flagged group by source, code, entry_number),"
                // a correction reviewed with the item of the version before it is selected with that version
                + " held as (select distinct s.entry_number from risk_assessment s"
                + " where s.selection is not null and s.entry_number in (select entry_number from flagged)),"
                + " reviews as ("
                + " select o.entry_number, bool_or(o.outcome <> 'NO_CHANGE') as found,"
                + " coalesce(sum(o.revenue_difference) filter (where o.outcome <> 'NO_CHANGE'), 0) as revenue"
                + " from review_outcome o where o.entry_number in (select entry_number from flagged)"
                + " group by o.entry_number)"
                + " select x.source, x.code, x.center, to_char(x.entry_date, 'YYYY-MM') as month,"
                + " count(*) as flagged,"
                + " count(*) filter (where x.selected or x.entry_number in (select entry_number from held))"
                + " as selected,"
                + " count(r.entry_number) as reviewed, count(*) filter (where r.found) as findings,"
                + " coalesce(sum(r.revenue), 0.00) as revenue, count(*) filter (where not r.found) as no_change"
                + " from entries x left join reviews r on r.entry_number = x.entry_number"
                + " where (cast(? as text) is null or x.center = ?) and (cast(? as text) is null or x.code = ?)"
                + " group by x.source, x.code, x.center, month order by month, x.center, x.source, x.code";
        return jdbc.sql(sql)
                .params(from, to, from, to, center, center, code, code)
                .query((rs, i) -> Figures.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getBigDecimal(9),
                        rs.getLong(10)))
                .list();
    }
}

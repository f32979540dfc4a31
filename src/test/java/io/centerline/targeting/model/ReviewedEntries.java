package io.centerline.targeting.model;

import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stores entry summaries with review outcomes straight into the tables, as intake and reviewers would have: enough of
 * them, with a pattern worth learning (one importer's undervalued lines from VN are findings), to train a model on.
 */
public final class ReviewedEntries {

    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() % 1_000_000);

    private ReviewedEntries() {}

    /** Stores {@code count} reviewed single-line entries over the 60 days before {@code lastDay}. */
    public static void store(JdbcClient jdbc, int count, LocalDate lastDay, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            String entryNumber = "T" + String.format("%010d", SERIALS.incrementAndGet());
            String importer = "11-22334" + random.nextInt(10) + "00";
            boolean undervalued = importer.endsWith("300") && random.nextDouble() < 0.8;
            LocalDate date = lastDay.minusDays(random.nextInt(60));
            double value = undervalued ? 200 : 1000 + random.nextInt(200);
            jdbc.sql(
                            "insert into entry_summary (entry_number, version, entry_type, importer_number, account_id, center,"
                                    + " port_of_entry, entry_date, summary_date, mode_of_transport, filer_code,"
                                    + " post_summary_correction, status, line_count, total_entered_value, total_duty,"
                                    + " total_adcvd_deposit, declared_total_fees, mpf_computed, mpf_declared, hmf_computed,"
                                    + " hmf_declared, warnings, content_hash, submitted_by, accepted_at, intake_batch)"
                                    + " values (?, 1, '01', ?, 0, 'ELEC', '2704', ?, ?, '11', 'T01', false, 'ACCEPTED', 1, ?,"
                                    + " 0, 0, 0, 0, 0, 0, 0, '[]'::jsonb, ?, 'test', now(), 'test')")
                    .params(entryNumber, importer, date, date, value, entryNumber)
                    .update();
            jdbc.sql("insert into entry_line (entry_number, version, line_number, hts_number, country_of_origin,"
                            + " country_of_export, manufacturer_id, description, entered_value, quantity, unit,"
                            + " gross_weight_kg, related_party, duty_amount, center)"
                            + " values (?, 1, 1, '8471300100', ?, ?, 'VNSAMELE12HAN', 'laptops', ?, 10, 'NO', 20,"
                            + " false, 0, 'ELEC')")
                    .params(entryNumber, undervalued ? "VN" : "CN", undervalued ? "VN" : "CN", value)
                    .update();
            boolean finding = undervalued || random.nextDouble() < 0.05;
            jdbc.sql("insert into review_outcome (entry_number, version, outcome, revenue_difference, reviewer,"
                            + " reviewed_on, recorded_at) values (?, 1, ?, 0, 'test', ?, now())")
                    .params(entryNumber, finding ? "VALUE" : "NO_CHANGE", date.plusDays(20))
                    .update();
        }
    }
}

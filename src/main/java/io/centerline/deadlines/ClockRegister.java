package io.centerline.deadlines;

import io.centerline.platform.PostgresCopy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The stored clocks of entry summary versions. */
@Service
public class ClockRegister {

    private final JdbcClient jdbc;
    private final Clocks clocks;

    ClockRegister(JdbcClient jdbc, Clocks clocks) {
        this.jdbc = jdbc;
        this.clocks = clocks;
    }

    /** The clock set of one version of one entry, ready to be stored. */
    public record EntryClocks(String entryNumber, int version, ClockSet clocks) {}

    /** Stores clock sets in the caller's transaction with one {@code COPY}. */
    public void storeAll(Connection connection, List<EntryClocks> entries) throws SQLException {
        PostgresCopy copy = new PostgresCopy(
                "entry_clock",
                "entry_number",
                "version",
                "liquidation_deadline",
                "scheduled_liquidation_date",
                "psc_cutoff_date");
        for (EntryClocks entry : entries) {
            ClockSet c = entry.clocks();
            copy.row(
                    entry.entryNumber(),
                    entry.version(),
                    c.liquidationDeadline(),
                    c.scheduledLiquidationDate(),
                    c.pscCutoffDate());
        }
        copy.into(connection);
    }

    /**
     * The stored clocks of an entry summary version, with the rule behind each date rendered from the statutory
     * periods in force on its entry date.
     */
    public Optional<ClockSet> find(String entryNumber, int version, LocalDate entryDate) {
        ClockSet rules = clocks.forEntry(entryDate);
        return jdbc.sql("select liquidation_deadline, scheduled_liquidation_date, psc_cutoff_date from entry_clock"
                        + " where entry_number = ? and version = ?")
                .params(entryNumber, version)
                .query((rs, i) -> new ClockSet(
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class),
                        rules.basis()))
                .optional();
    }
}

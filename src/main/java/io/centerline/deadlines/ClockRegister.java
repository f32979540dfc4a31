package io.centerline.deadlines;

import io.centerline.PostgresCopy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        PostgresCopy copy = new PostgresCopy("entry_clock", "entry_number", "version", "clock", "due_date");
        for (EntryClocks entry : entries) {
            ClockSet c = entry.clocks();
            copy.row(entry.entryNumber(), entry.version(), Clocks.LIQUIDATION_DEADLINE, c.liquidationDeadline());
            copy.row(entry.entryNumber(), entry.version(), Clocks.SCHEDULED_LIQUIDATION, c.scheduledLiquidationDate());
            copy.row(entry.entryNumber(), entry.version(), Clocks.PSC_CUTOFF, c.pscCutoffDate());
        }
        copy.into(connection);
    }

    /**
     * The stored clocks of an entry summary version, with the rule behind each date rendered from the statutory
     * periods in force on its entry date.
     */
    public Optional<ClockSet> find(String entryNumber, int version, LocalDate entryDate) {
        Map<String, LocalDate> dates = new HashMap<>();
        jdbc.sql("select clock, due_date from entry_clock where entry_number = ? and version = ?")
                .params(entryNumber, version)
                .query(rs -> {
                    dates.put(rs.getString(1), rs.getObject(2, LocalDate.class));
                });
        if (!dates.containsKey(Clocks.LIQUIDATION_DEADLINE)) {
            return Optional.empty();
        }
        ClockSet rules = clocks.forEntry(entryDate);
        return Optional.of(new ClockSet(
                dates.get(Clocks.LIQUIDATION_DEADLINE),
                dates.get(Clocks.SCHEDULED_LIQUIDATION),
                dates.get(Clocks.PSC_CUTOFF),
                rules.liquidationDeadlineRule(),
                rules.scheduledLiquidationRule(),
                rules.pscCutoffRule()));
    }
}

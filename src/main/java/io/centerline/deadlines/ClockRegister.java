package io.centerline.deadlines;

import io.centerline.PostgresCopy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The stored clocks of entry summary versions. */
@Service
public class ClockRegister {

    private final JdbcClient jdbc;

    ClockRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The clock set of one version of one entry, ready to be stored. */
    public record EntryClocks(String entryNumber, int version, ClockSet clocks) {}

    /** Stores clock sets in the caller's transaction with one {@code COPY}. */
    public void storeAll(Connection connection, List<EntryClocks> entries) throws SQLException {
        PostgresCopy copy = new PostgresCopy("entry_clock", "entry_number", "version", "clock", "due_date", "rule");
        for (EntryClocks entry : entries) {
            ClockSet c = entry.clocks();
            copy.row(
                    entry.entryNumber(),
                    entry.version(),
                    Clocks.LIQUIDATION_DEADLINE,
                    c.liquidationDeadline(),
                    c.liquidationDeadlineRule());
            copy.row(
                    entry.entryNumber(),
                    entry.version(),
                    Clocks.SCHEDULED_LIQUIDATION,
                    c.scheduledLiquidationDate(),
                    c.scheduledLiquidationRule());
            copy.row(entry.entryNumber(), entry.version(), Clocks.PSC_CUTOFF, c.pscCutoffDate(), c.pscCutoffRule());
        }
        copy.into(connection);
    }

    public Optional<ClockSet> find(String entryNumber, int version) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        jdbc.sql("select clock, due_date, rule from entry_clock where entry_number = ? and version = ?")
                .params(entryNumber, version)
                .query(rs -> {
                    rows.put(rs.getString(1), new Object[] {rs.getObject(2, java.time.LocalDate.class), rs.getString(3)
                    });
                });
        if (!rows.containsKey(Clocks.LIQUIDATION_DEADLINE)) {
            return Optional.empty();
        }
        Object[] deadline = rows.get(Clocks.LIQUIDATION_DEADLINE);
        Object[] scheduled = rows.get(Clocks.SCHEDULED_LIQUIDATION);
        Object[] cutoff = rows.get(Clocks.PSC_CUTOFF);
        return Optional.of(new ClockSet(
                (java.time.LocalDate) deadline[0],
                (java.time.LocalDate) scheduled[0],
                (java.time.LocalDate) cutoff[0],
                (String) deadline[1],
                (String) scheduled[1],
                (String) cutoff[1]));
    }
}

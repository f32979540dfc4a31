package io.centerline.entries;

import io.centerline.deadlines.ClockRegister;
import io.centerline.deadlines.ClockSet;
import io.centerline.reference.ReferenceData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored entry summaries, read back version by version. */
@Service
public class EntrySummaries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ClockRegister clocks;
    private final ObjectProvider<RiskReadout> risks;
    private final ReferenceData reference;
    private final Clock clock;

    EntrySummaries(
            JdbcClient jdbc,
            ClockRegister clocks,
            ObjectProvider<RiskReadout> risks,
            ReferenceData reference,
            Clock clock) {
        this.jdbc = jdbc;
        this.clocks = clocks;
        this.risks = risks;
        this.reference = reference;
        this.clock = clock;
    }

    /** A version of an entry summary as CBP staff read it; the current one when {@code version} is null. */
    public Optional<EntrySummaryView> find(EntryNumber entryNumber, Integer version) {
        return find(entryNumber, version, RiskReadout.Audience.CBP);
    }

    /** A version of an entry summary as the audience reads it; the current one when {@code version} is null. */
    public Optional<EntrySummaryView> find(EntryNumber entryNumber, Integer version, RiskReadout.Audience audience) {
        return view(entryNumber, version).map(view -> {
            RiskReadout readout = risks.getIfAvailable();
            EntrySummaryView.Risk risk = readout == null
                    ? null
                    : readout.riskOf(view.entryNumber(), view.version(), audience)
                            .orElse(EntrySummaryView.Risk.PENDING);
            return view.withRisk(risk);
        });
    }

    private Optional<EntrySummaryView> view(EntryNumber entryNumber, Integer version) {
        Integer wanted = version != null
                ? version
                : jdbc.sql("select max(version) from entry_summary where entry_number = ?")
                        .param(entryNumber.value())
                        .query(Integer.class)
                        .optional()
                        .orElse(null);
        if (wanted == null) {
            return Optional.empty();
        }
        List<EntrySummaryView.VersionView> versions = jdbc.sql(
                        "select version, post_summary_correction, summary_date, accepted_at, submitted_by,"
                                + " intake_batch from entry_summary"
                                + " where entry_number = ? order by version")
                .param(entryNumber.value())
                .query((rs, i) -> new EntrySummaryView.VersionView(
                        rs.getInt(1),
                        rs.getBoolean(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
        List<EntrySummaryView.Line> lines = jdbc.sql(
                        "select line_number, hts_number, additional_hts, country_of_origin, country_of_export,"
                                + " manufacturer_id, description, entered_value, quantity, unit, gross_weight_kg,"
                                + " related_party, duty_amount, adcvd_case_number, adcvd_deposit, fees, center"
                                + " from entry_line where entry_number = ? and version = ? order by line_number")
                .params(entryNumber.value(), wanted)
                .query((rs, i) -> new EntrySummaryView.Line(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3) == null
                                ? List.of()
                                : Arrays.asList(rs.getString(3).split(";")),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBigDecimal(8),
                        plain(rs.getBigDecimal(9)),
                        rs.getString(10),
                        plain(rs.getBigDecimal(11)),
                        rs.getBoolean(12),
                        rs.getBigDecimal(13),
                        rs.getString(14),
                        rs.getBigDecimal(15),
                        fees(rs.getString(16)),
                        rs.getString(17)))
                .list();
        LocalDate entryDate = jdbc.sql("select entry_date from entry_summary where entry_number = ? and version = ?")
                .params(entryNumber.value(), wanted)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        if (entryDate == null) {
            return Optional.empty();
        }
        Optional<ClockSet> clockSet = clocks.find(entryNumber.value(), wanted, entryDate);
        return jdbc.sql("select entry_number, version, entry_type, importer_number, center, status,"
                        + " deemed_liquidation_date, port_of_entry, entry_date, summary_date, mode_of_transport,"
                        + " bond_type, filer_code, post_summary_correction, line_count, total_entered_value,"
                        + " total_duty, total_adcvd_deposit, declared_total_fees, mpf_computed, mpf_declared,"
                        + " mpf_fiscal_year, hmf_computed, hmf_declared, warnings, submitted_by, accepted_at"
                        + " from entry_summary where entry_number = ? and version = ?")
                .params(entryNumber.value(), wanted)
                .query((rs, i) -> {
                    boolean suspended = reference.liquidationSuspended(
                            rs.getString(3), lines.stream().anyMatch(line -> line.adcvdCaseNumber() != null));
                    String status = rs.getString(6);
                    LocalDate deemedLiquidation = rs.getObject(7, LocalDate.class);
                    // deemed liquidated by operation of law once its deadline passes, whatever the status it arrived in
                    boolean fromWithdrawal = reference.liquidatedFromFinalWithdrawal(rs.getString(3));
                    if (EntryStatus.ACCEPTED.name().equals(status)
                            && !suspended
                            && !fromWithdrawal
                            && clockSet.isPresent()
                            && clockSet.get().deemedLiquidatedOn(LocalDate.now(clock))) {
                        status = EntryStatus.DEEMED_LIQUIDATED.name();
                        deemedLiquidation = clockSet.get().liquidationDeadline();
                    }
                    return new EntrySummaryView(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            status,
                            deemedLiquidation,
                            rs.getString(8),
                            rs.getObject(9, LocalDate.class),
                            rs.getObject(10, LocalDate.class),
                            rs.getString(11),
                            rs.getString(12),
                            rs.getString(13),
                            rs.getBoolean(14),
                            lines,
                            new EntrySummaryView.Totals(
                                    rs.getInt(15),
                                    rs.getBigDecimal(16),
                                    rs.getBigDecimal(17),
                                    rs.getBigDecimal(18),
                                    rs.getBigDecimal(19)),
                            new EntrySummaryView.FeesView(
                                    rs.getBigDecimal(20),
                                    rs.getBigDecimal(21),
                                    (Integer) rs.getObject(22),
                                    rs.getBigDecimal(23),
                                    rs.getBigDecimal(24),
                                    rs.getBigDecimal(20).add(rs.getBigDecimal(23))),
                            JSON.readValue(rs.getString(25), new TypeReference<List<Warning>>() {}),
                            versions,
                            clockSet.map(EntrySummaries::clockDates).orElse(Map.of()),
                            clockSet.map(c -> clockRules(c, suspended, fromWithdrawal))
                                    .orElse(Map.of()),
                            rs.getString(26),
                            rs.getTimestamp(27).toInstant(),
                            null);
                })
                .optional();
    }

    /** Whether a user submitted any version of an entry summary. */
    public boolean submittedBy(EntryNumber entryNumber, String username) {
        return jdbc.sql("select exists (select 1 from entry_summary where entry_number = ? and submitted_by = ?)")
                .params(entryNumber.value(), username)
                .query(Boolean.class)
                .single();
    }

    private static Map<String, LocalDate> clockDates(ClockSet c) {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        dates.put("liquidationDeadline", c.liquidationDeadline());
        dates.put("scheduledLiquidationDate", c.scheduledLiquidationDate());
        dates.put("pscCutoffDate", c.pscCutoffDate());
        return dates;
    }

    private static Map<String, String> clockRules(ClockSet c, boolean suspended, boolean fromWithdrawal) {
        Map<String, String> rules = new LinkedHashMap<>();
        if (fromWithdrawal) {
            String fromTheWithdrawal = "; the one-year liquidation period of a warehouse entry runs from the final"
                    + " withdrawal of its goods from the warehouse (19 U.S.C. 1504(a)(1)(B)), which is not on file: this"
                    + " is the earliest it can end, and the entry is not deemed liquidated on it";
            rules.put("liquidationDeadline", c.liquidationDeadlineRuleWithoutDeeming() + fromTheWithdrawal);
            rules.put(
                    "scheduledLiquidationDate",
                    c.scheduledLiquidationRule() + "; the earliest ACE can schedule it, its goods withdrawn by then");
            rules.put("pscCutoffDate", c.pscCutoffRule());
        } else if (suspended) {
            String whileSuspended = "; liquidation of this entry under AD/CVD cases is suspended until Commerce"
                    + " instructs CBP (19 U.S.C. 1504(b))";
            rules.put(
                    "liquidationDeadline",
                    c.liquidationDeadlineRuleWithoutDeeming() + whileSuspended + ", so it is not deemed liquidated");
            rules.put("scheduledLiquidationDate", c.scheduledLiquidationRule() + whileSuspended);
            rules.put(
                    "pscCutoffDate",
                    c.pscCutoffRule() + whileSuspended + ": corrections are taken past this date while it lasts");
        } else {
            rules.put("liquidationDeadline", c.liquidationDeadlineRule());
            rules.put("scheduledLiquidationDate", c.scheduledLiquidationRule());
            rules.put("pscCutoffDate", c.pscCutoffRule());
        }
        return rules;
    }

    private static List<Map<String, String>> fees(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(";"))
                .map(fee -> Map.of(
                        "classCode", fee.substring(0, fee.indexOf('=')), "amount", fee.substring(fee.indexOf('=') + 1)))
                .toList();
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null
                ? null
                : value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }
}

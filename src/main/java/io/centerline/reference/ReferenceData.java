package io.centerline.reference;

import io.centerline.identity.AuditLog;
import io.centerline.platform.Conflict;
import io.centerline.platform.Invalid;
import io.centerline.platform.NotFound;
import io.centerline.platform.WrittenReasons;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reference data every other module reads: held in memory as an immutable snapshot, taken from the database at
 * start and again whenever an administrator loads a new HTS-to-Center map. It takes its transaction through a
 * template rather than an annotation, so it is not proxied: intake consults it several times per line.
 */
@Service
public class ReferenceData {

    /** The most characters a map version's note keeps. */
    static final int MAX_MAP_NOTE_LENGTH = 2_000;

    /** The most characters a range's description keeps: the name of the headings it covers. */
    static final int MAX_RANGE_DESCRIPTION_LENGTH = 500;

    /** Of two map versions in force, the later effective date wins, and on the same date the later version. */
    private static final Comparator<HtsCenterMap> IN_FORCE_ORDER =
            Comparator.comparing(HtsCenterMap::effectiveFrom).thenComparing(HtsCenterMap::version);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate consistentReads;
    private volatile Snapshot snapshot;

    ReferenceData(
            JdbcClient jdbc,
            AuditLog audit,
            Clock clock,
            ReferenceDataLoader loader,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.consistentReads = new TransactionTemplate(transactionManager);
        consistentReads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        consistentReads.setReadOnly(true);
        loader.load();
        refreshSnapshot();
    }

    public List<Center> centers() {
        return List.copyOf(snapshot.centers.values());
    }

    public Optional<Center> center(CenterCode code) {
        return Optional.ofNullable(snapshot.centers.get(code));
    }

    public boolean isCenter(String code) {
        return snapshot.centers.keySet().stream().anyMatch(c -> c.value().equals(code));
    }

    /**
     * The Center that owns an HTS number's heading under the map in force on a date; for a date before the first map
     * on file, under the first map: an entry of those years is still routed to a Center today.
     */
    public Optional<CenterCode> centerFor(HtsNumber hts, LocalDate date) {
        if (!hts.isClassification()) {
            return Optional.empty();
        }
        return mapRouting(date).flatMap(map -> map.centerFor(hts.heading()));
    }

    /**
     * The version of the HTS-to-Center map that routes entries of a date: the one in force on it, or, for a date
     * before the first map on file, the first.
     */
    public Optional<HtsCenterMap> mapRouting(LocalDate date) {
        return mapInForce(date).or(() -> snapshot.maps.stream().min(Comparator.comparing(HtsCenterMap::effectiveFrom)));
    }

    /** The version of the HTS-to-Center map in force on a date. */
    public Optional<HtsCenterMap> mapInForce(LocalDate date) {
        // a plain loop: intake asks this for every line it routes
        HtsCenterMap inForce = null;
        for (HtsCenterMap map : snapshot.maps) {
            if (!map.effectiveFrom().isAfter(date) && (inForce == null || IN_FORCE_ORDER.compare(map, inForce) > 0)) {
                inForce = map;
            }
        }
        return Optional.ofNullable(inForce);
    }

    /** Every version of the HTS-to-Center map, oldest first, those withdrawn included. */
    public List<HtsCenterMap> mapHistory() {
        return snapshot.mapHistory;
    }

    public Optional<Port> port(String code) {
        return Optional.ofNullable(code).map(snapshot.ports::get);
    }

    public List<Port> ports() {
        return List.copyOf(snapshot.ports.values());
    }

    public boolean isCountry(String code) {
        return code != null && snapshot.countries.containsKey(code);
    }

    public Map<String, String> countries() {
        return snapshot.countries;
    }

    public Optional<EntryType> entryType(String code) {
        return Optional.ofNullable(code).map(snapshot.entryTypes::get);
    }

    public List<EntryType> entryTypes() {
        return List.copyOf(snapshot.entryTypes.values());
    }

    /**
     * Whether an entry stays unliquidated until Commerce's instructions, so that neither the one-year deadline nor the
     * correction cut-off closes it: an entry of an AD/CVD type, and one of a type whose lines may carry a case (06)
     * when any of its lines does (19 U.S.C. 1504(b); see {@link EntryType#liquidationSuspended(boolean)}).
     */
    public boolean liquidationSuspended(String entryType, boolean declaresAdcvdCase) {
        return entryType(entryType)
                .map(type -> type.liquidationSuspended(declaresAdcvdCase))
                .orElse(false);
    }

    /**
     * Whether an entry of a type is liquidated within a year of the final withdrawal of its goods from the warehouse
     * rather than of its entry date (19 U.S.C. 1504(a)(1)(B)): its one-year clock has not started at entry, so it is
     * never deemed liquidated on the year from its entry date.
     */
    public boolean liquidatedFromFinalWithdrawal(String entryType) {
        return entryType(entryType)
                .map(EntryType::liquidatedFromFinalWithdrawal)
                .orElse(false);
    }

    /**
     * Whether an entry stands deemed liquidated once a year from its entry date has passed: its liquidation is not
     * suspended ({@link #liquidationSuspended}) and its year runs from the entry date, not from the final withdrawal of
     * warehoused goods ({@link #liquidatedFromFinalWithdrawal}).
     */
    public boolean deemedOnTheYearFromEntry(String entryType, boolean declaresAdcvdCase) {
        return !liquidationSuspended(entryType, declaresAdcvdCase) && !liquidatedFromFinalWithdrawal(entryType);
    }

    public Optional<ModeOfTransport> modeOfTransport(String code) {
        return Optional.ofNullable(code).map(snapshot.modes::get);
    }

    /**
     * The schedule of a fee for the fiscal year of a date. For a fiscal year with no published schedule the latest
     * known earlier one applies, marked as not published; for a fiscal year before every schedule on file, the
     * earliest one, marked the same way.
     */
    public FeeSchedule feeSchedule(String fee, LocalDate date) {
        int fiscalYear = FeeSchedule.fiscalYearOf(date);
        List<FeeSchedule> schedules = snapshot.fees.getOrDefault(fee, List.of());
        for (FeeSchedule schedule : schedules) {
            if (schedule.fiscalYear() == fiscalYear) {
                return schedule;
            }
        }
        FeeSchedule latest = schedules.stream()
                .filter(s -> !s.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(FeeSchedule::effectiveFrom))
                .or(() -> schedules.stream().min(Comparator.comparing(FeeSchedule::effectiveFrom)))
                .orElseThrow(() -> new IllegalStateException("No " + fee + " schedule is on file"));
        return new FeeSchedule(
                latest.fee(),
                latest.fiscalYear(),
                latest.effectiveFrom(),
                latest.ratePercent(),
                latest.minimum(),
                latest.maximum(),
                latest.source(),
                latest.annual(),
                fiscalYear);
    }

    public List<FeeSchedule> feeSchedules() {
        return snapshot.fees.values().stream().flatMap(List::stream).toList();
    }

    /** The version of a statutory period in force on a date. */
    public StatutoryPeriod statutoryPeriod(String code, LocalDate date) {
        return snapshot.periods.getOrDefault(code, List.of()).stream()
                .filter(p -> !p.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(StatutoryPeriod::effectiveFrom))
                .orElseThrow(
                        () -> new IllegalStateException("No statutory period " + code + " is in force on " + date));
    }

    /**
     * The first date on which a version of every statutory period is in force: the earliest entry date whose clocks
     * can be set.
     */
    public LocalDate statutoryPeriodsInForceFrom() {
        return snapshot.periodsInForceFrom();
    }

    public List<StatutoryPeriod> statutoryPeriods() {
        return snapshot.periods.values().stream().flatMap(List::stream).toList();
    }

    /** The version of a value limit in force on a date, if one is. */
    public Optional<ValueLimit> valueLimit(String code, LocalDate date) {
        return snapshot.limits.getOrDefault(code, List.of()).stream()
                .filter(limit -> !limit.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(ValueLimit::effectiveFrom));
    }

    public List<ValueLimit> valueLimits() {
        return snapshot.limits.values().stream().flatMap(List::stream).toList();
    }

    /** Every AD/CVD order, in force or revoked, oldest first. */
    public List<AdcvdOrder> adcvdOrders() {
        return snapshot.orders;
    }

    /** The AD/CVD order on file under a case number without hyphens ({@code A570967000}), if one is. */
    public Optional<AdcvdOrder> adcvdOrder(String caseNumber) {
        for (AdcvdOrder order : snapshot.orders) {
            if (order.caseNumber().equals(caseNumber)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }

    /** The AD/CVD orders whose scope holds goods of an HTS number and country of origin entered on a date. */
    public List<AdcvdOrder> adcvdOrdersCovering(String hts, String countryOfOrigin, LocalDate date) {
        return snapshot.orders.stream()
                .filter(order -> order.covers(hts, countryOfOrigin) && order.inForceOn(date))
                .toList();
    }

    /**
     * Loads a new version of the HTS-to-Center map, in force from {@code effectiveFrom}, a date after the business
     * date and after the latest version's. Earlier versions stay as they were, so entries keep the routing of their
     * own dates, and no entry already filed is dated under the new version.
     */
    public HtsCenterMap loadMap(LocalDate effectiveFrom, List<HtsCenterRange> ranges, String loadedBy, String note) {
        if (note != null && note.length() > MAX_MAP_NOTE_LENGTH) {
            throw new Invalid("TOO_LONG", "A map's note may take at most " + MAX_MAP_NOTE_LENGTH + " characters");
        }
        if (ranges.isEmpty()) {
            throw new Invalid("HTS_CENTER_MAP_EMPTY", "A map needs at least one heading range");
        }
        for (int i = 0; i < ranges.size(); i++) {
            String description = ranges.get(i).description();
            if (description != null && description.length() > MAX_RANGE_DESCRIPTION_LENGTH) {
                throw new Invalid(
                        "TOO_LONG",
                        "The description of range " + (i + 1) + " may take at most " + MAX_RANGE_DESCRIPTION_LENGTH
                                + " characters");
            }
        }
        for (HtsCenterRange range : ranges) {
            if (!snapshot.centers.containsKey(range.center())) {
                throw new Invalid(
                        "CENTER_UNKNOWN",
                        "Unknown Center '" + range.center() + "' for headings " + range.headingFrom() + "-"
                                + range.headingTo());
            }
        }
        LocalDate today = LocalDate.now(clock);
        if (!effectiveFrom.isAfter(today)) {
            throw new Invalid(
                    "HTS_CENTER_MAP_NOT_AFTER_TODAY",
                    "A replacement map takes effect after the business date " + today
                            + ", on " + today.plusDays(1)
                            + " at the earliest: the entries of the dates up to today were routed"
                            + " by the map in force on them, and a map that has not taken effect can still be withdrawn");
        }
        Instant now = clock.instant();
        HtsCenterMap validated;
        try {
            validated = new HtsCenterMap(0, effectiveFrom, now, loadedBy, note, ranges, null);
        } catch (IllegalArgumentException e) {
            throw new Invalid("HTS_CENTER_MAP_RANGES", e.getMessage());
        }
        int version = transactions.execute(status -> {
            // one load at a time, each checked against the versions on file once it holds the lock, so that two
            // replacements sent together cannot both pass as the latest
            jdbc.sql("lock table hts_center_map_version in share row exclusive mode")
                    .update();
            Optional<HtsCenterMap> latest = readSnapshot().maps.stream().max(IN_FORCE_ORDER);
            if (latest.isPresent() && !effectiveFrom.isAfter(latest.get().effectiveFrom())) {
                throw new Invalid(
                        "HTS_CENTER_MAP_NOT_AFTER_LATEST",
                        "A replacement map must take effect after "
                                + latest.get().effectiveFrom() + ", the date of the latest version");
            }
            List<String> lost = latest.map(validated::uncoveredFrom).orElse(List.of());
            if (!lost.isEmpty()) {
                throw new Invalid(
                        "HTS_CENTER_MAP_LEAVES_HEADINGS",
                        "The map leaves headings " + String.join(", ", lost)
                                + " with no Center, which the map it replaces assigns; a replacement keeps every heading"
                                + " routed, or entries of those headings could not be filed");
            }
            return store(validated, loadedBy, note, now);
        });
        // taken once the new version has committed, so no reader sees a map that could still roll back
        refreshSnapshot();
        return snapshot.maps.stream()
                .filter(m -> m.version() == version)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Withdraws a version of the HTS-to-Center map before its effective date: it stays on file with the withdrawal and
     * routes nothing, and the versions before it go on routing as they did. A version in force since the business date
     * or earlier has routed entries of its dates and is replaced by a later one instead.
     *
     * @throws NotFound when there is no such version
     * @throws Conflict when the version is withdrawn already or has taken effect
     */
    public HtsCenterMap withdrawMap(int version, String reason, String withdrawnBy) {
        if (!WrittenReasons.saysEnough(reason)) {
            throw new Invalid(
                    "REASON_REQUIRED",
                    "A withdrawal of a map version needs a written reason of at least " + WrittenReasons.MINIMUM_WORDS
                            + " words saying why it must not take effect");
        }
        WrittenReasons.refuseTooLong(reason, "The reason of a withdrawal");
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("lock table hts_center_map_version in share row exclusive mode")
                    .update();
            HtsCenterMap map = readSnapshot().mapHistory.stream()
                    .filter(m -> m.version() == version)
                    .findFirst()
                    .orElseThrow(() -> new NotFound(
                            "HTS_CENTER_MAP_VERSION_NOT_FOUND", "There is no version " + version + " of the map"));
            if (map.withdrawal() != null) {
                throw new Conflict(
                        "HTS_CENTER_MAP_WITHDRAWN",
                        "Version " + version + " of the map was withdrawn on "
                                + map.withdrawal().at() + " by "
                                + map.withdrawal().by());
            }
            if (!map.effectiveFrom().isAfter(today)) {
                throw new Conflict(
                        "HTS_CENTER_MAP_IN_FORCE",
                        "Version " + version + " of the map has been in force since " + map.effectiveFrom()
                                + " and routes entries of its dates; load a replacement taking effect later"
                                + " instead");
            }
            jdbc.sql("update hts_center_map_version set withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ?"
                            + " where version = ?")
                    .params(java.sql.Timestamp.from(now), withdrawnBy, reason.strip(), version)
                    .update();
            audit.record(
                    withdrawnBy,
                    "HTS_CENTER_MAP_WITHDRAWN",
                    "hts-center-map",
                    String.valueOf(version),
                    Map.of("effectiveFrom", map.effectiveFrom().toString(), "reason", reason.strip()));
        });
        refreshSnapshot();
        return snapshot.mapHistory.stream()
                .filter(m -> m.version() == version)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Reads the reference data again, in one read-only snapshot of the database so that a version is never read
     * without its ranges, and serialised with other refreshes so that a later read is never replaced by an earlier.
     */
    private synchronized void refreshSnapshot() {
        snapshot = consistentReads.execute(status -> readSnapshot());
    }

    private int store(HtsCenterMap validated, String loadedBy, String note, Instant now) {
        LocalDate effectiveFrom = validated.effectiveFrom();
        int version = jdbc.sql(
                        "insert into hts_center_map_version (effective_from, loaded_at, loaded_by, note) values (?, ?, ?, ?) returning version")
                .params(effectiveFrom, java.sql.Timestamp.from(now), loadedBy, note)
                .query(Integer.class)
                .single();
        for (HtsCenterRange range : validated.ranges()) {
            jdbc.sql("insert into hts_center_map_range (version, heading_from, heading_to, center, description)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(
                            version,
                            range.headingFrom(),
                            range.headingTo(),
                            range.center().value(),
                            range.description())
                    .update();
        }
        audit.record(
                loadedBy,
                "HTS_CENTER_MAP_LOADED",
                "hts-center-map",
                String.valueOf(version),
                Map.of(
                        "effectiveFrom",
                        effectiveFrom.toString(),
                        "ranges",
                        validated.ranges().size(),
                        "note",
                        String.valueOf(note)));
        return version;
    }

    private Snapshot readSnapshot() {
        Map<CenterCode, Center> centers = jdbc
                .sql("select code, number, name, management_office from center order by number")
                .query((rs, i) ->
                        new Center(CenterCode.of(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list()
                .stream()
                .collect(Collectors.toMap(Center::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<Integer, List<HtsCenterRange>> ranges = jdbc
                .sql("select version, heading_from, heading_to, center, description from hts_center_map_range")
                .query((rs, i) -> Map.entry(
                        rs.getInt(1),
                        new HtsCenterRange(
                                rs.getString(2), rs.getString(3), CenterCode.of(rs.getString(4)), rs.getString(5))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<HtsCenterMap> mapHistory = jdbc.sql("select version, effective_from, loaded_at, loaded_by, note,"
                        + " withdrawn_at, withdrawn_by, withdrawal_reason from hts_center_map_version order by version")
                .query((rs, i) -> new HtsCenterMap(
                        rs.getInt(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getString(5),
                        ranges.getOrDefault(rs.getInt(1), List.of()),
                        rs.getTimestamp(6) == null
                                ? null
                                : new HtsCenterMap.Withdrawal(
                                        rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8))))
                .list();
        List<HtsCenterMap> maps =
                mapHistory.stream().filter(map -> map.withdrawal() == null).toList();
        Map<String, Port> ports = jdbc
                .sql("select code, name, state, kind from port order by code")
                .query((rs, i) -> new Port(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list()
                .stream()
                .collect(Collectors.toMap(Port::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, String> countries = jdbc
                .sql("select code, name from country order by code")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        Map<String, EntryType> entryTypes = jdbc
                .sql("select code, name, category, adcvd, adcvd_optional, entry_summary, liquidation_from"
                        + " from entry_type order by code")
                .query((rs, i) -> new EntryType(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getBoolean(5),
                        rs.getBoolean(6),
                        "FINAL_WITHDRAWAL".equals(rs.getString(7))))
                .list()
                .stream()
                .collect(Collectors.toMap(EntryType::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, ModeOfTransport> modes = jdbc
                .sql("select code, name, vessel from mode_of_transport order by code")
                .query((rs, i) -> new ModeOfTransport(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list()
                .stream()
                .collect(Collectors.toMap(ModeOfTransport::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, List<FeeSchedule>> fees = jdbc
                .sql(
                        "select fee, fiscal_year, effective_from, rate_percent, minimum, maximum, source, annual from fee_schedule order by fee, fiscal_year")
                .query((rs, i) -> new FeeSchedule(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5) == null ? null : Money.usd(rs.getBigDecimal(5)),
                        rs.getBigDecimal(6) == null ? null : Money.usd(rs.getBigDecimal(6)),
                        rs.getString(7),
                        rs.getBoolean(8),
                        rs.getInt(2)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(FeeSchedule::fee, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<StatutoryPeriod>> periods = jdbc
                .sql(
                        "select code, effective_from, amount, unit, description, source from statutory_period order by code, effective_from")
                .query((rs, i) -> new StatutoryPeriod(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getInt(3),
                        ChronoUnit.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(StatutoryPeriod::code, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<ValueLimit>> limits = jdbc
                .sql("select code, effective_from, amount, description, source"
                        + " from value_limit order by code, effective_from")
                .query((rs, i) -> new ValueLimit(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        Money.usd(rs.getBigDecimal(3)),
                        rs.getString(4),
                        rs.getString(5)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(ValueLimit::code, LinkedHashMap::new, Collectors.toList()));
        List<AdcvdOrder> orders = jdbc.sql("select case_number, kind, product, country, hts_prefixes, effective_from,"
                        + " revoked_on, deposit_rate from adcvd_order order by effective_from, case_number")
                .query((rs, i) -> new AdcvdOrder(
                        rs.getString(1),
                        AdcvdOrder.Kind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        List.of(rs.getString(5).trim().split("\\s+")),
                        rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class),
                        rs.getBigDecimal(8)))
                .list();
        return new Snapshot(
                centers,
                maps,
                mapHistory,
                ports,
                countries,
                entryTypes,
                modes,
                fees,
                periods,
                periodsInForceFrom(periods),
                limits,
                orders);
    }

    private static LocalDate periodsInForceFrom(Map<String, List<StatutoryPeriod>> periods) {
        return periods.values().stream()
                .map(versions -> versions.stream()
                        .map(StatutoryPeriod::effectiveFrom)
                        .min(Comparator.naturalOrder())
                        .orElseThrow())
                .max(Comparator.naturalOrder())
                .orElse(LocalDate.MIN);
    }

    /** The reference data as read at one moment; {@code maps} are the map versions that route, not withdrawn. */
    private record Snapshot(
            Map<CenterCode, Center> centers,
            List<HtsCenterMap> maps,
            List<HtsCenterMap> mapHistory,
            Map<String, Port> ports,
            Map<String, String> countries,
            Map<String, EntryType> entryTypes,
            Map<String, ModeOfTransport> modes,
            Map<String, List<FeeSchedule>> fees,
            Map<String, List<StatutoryPeriod>> periods,
            LocalDate periodsInForceFrom,
            Map<String, List<ValueLimit>> limits,
            List<AdcvdOrder> orders) {}
}

package io.centerline.accounts;

import io.centerline.accounts.PredominantCenter.Trade;
import io.centerline.identity.AuditEntry;
import io.centerline.identity.AuditLog;
import io.centerline.platform.AfterCommit;
import io.centerline.platform.Conflict;
import io.centerline.platform.Invalid;
import io.centerline.platform.Shown;
import io.centerline.platform.WrittenReasons;
import io.centerline.reference.CenterCode;
import io.centerline.reference.ReferenceData;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Importer accounts and their Center assignment. An account is created with its first entry summary (or through the
 * API); its Center is the predominant one of its trade over the trailing twelve months, weighed by entered value or
 * by line count, and weighed again when new trade falls to another Center (once the batch that brought it is stored),
 * unless an authorised user has overridden it with a reason. Every decision is kept with its basis.
 */
@Service
public class Accounts {

    static final String CTPAT_TRADE_COMPLIANCE = "CTPAT_TRADE_COMPLIANCE";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TRAILING_MONTHS = 12;
    /** Who decides an assignment by the account's trade (initial or reassessed), in its history and audit rows. */
    static final String ASSIGNED_BY_RULE = "system";

    private static final int KNOWN_IDS_LIMIT = 1_000_000;
    private static final int KNOWN_FILERS_LIMIT = 250_000;
    /** Accounts weighed again in one transaction once a batch is stored. */
    private static final int WEIGHING_SLICE = 1_000;
    /** The fewest words a written reason for an override, or for ending trusted-partner status, may have. */
    private final JdbcClient jdbc;

    private final DataSource dataSource;
    private final AuditLog audit;
    private final ReferenceData reference;
    private final Clock clock;
    private final AssignmentMetric metric;
    private final Map<String, Long> knownIds = new ConcurrentHashMap<>();
    /** Filers known to be recorded for an account: the rows are never deleted, so knowing one saves its insert. */
    private final Map<FilerOf, Boolean> knownFilers = new ConcurrentHashMap<>();

    private final TransactionTemplate newAccounts;
    private final TransactionTemplate weighings;

    Accounts(
            JdbcClient jdbc,
            DataSource dataSource,
            AuditLog audit,
            ReferenceData reference,
            Clock clock,
            PlatformTransactionManager transactionManager,
            @Value("${centerline.accounts.assignment-metric:VALUE}") AssignmentMetric metric) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.audit = audit;
        this.reference = reference;
        this.clock = clock;
        this.metric = metric;
        this.newAccounts = new TransactionTemplate(transactionManager);
        this.newAccounts.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.weighings = new TransactionTemplate(transactionManager);
    }

    /**
     * Routes trade to accounts: creates the accounts that do not exist yet (in a transaction of their own, so that
     * concurrent intakes never wait on each other's new accounts), and weighs the Center of each account that needs
     * one now (see {@link PredominantCenter#weighing}) on its trailing trade as stored plus the trade given. The
     * accounts whose new trade falls partly to another Center keep theirs and are listed to be weighed once the batch
     * is stored; when the trade given is the whole of its batch, they are weighed now as well. Nothing of the trade is
     * written yet: {@link #record(TradePlan)} writes it at the end of the caller's transaction, so the rows it locks
     * are held only briefly.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public TradePlan route(List<TradeContribution> trade, String actor, boolean wholeBatch) {
        Instant now = clock.instant();
        if (trade.isEmpty()) {
            return new TradePlan(
                    List.of(), Map.of(), Map.of(), List.of(), List.of(), windowStart(), actor, now, Set.of());
        }
        Map<ImporterNumber, Long> ids = new HashMap<>();
        Map<String, ImporterNumber> unknown = new LinkedHashMap<>();
        for (TradeContribution contribution : trade) {
            ImporterNumber importer = contribution.importer();
            Long id = knownIds.get(importer.value());
            if (id != null) {
                ids.put(importer, id);
            } else {
                unknown.putIfAbsent(importer.value(), importer);
            }
        }
        if (!unknown.isEmpty()) {
            ids.putAll(newAccounts.execute(status -> {
                Connection own = DataSourceUtils.getConnection(dataSource);
                try {
                    List<AuditEntry> created = new ArrayList<>();
                    Map<ImporterNumber, Long> found = ensureAccounts(own, unknown, actor, now, created);
                    audit.recordAll(own, created);
                    return found;
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot create importer accounts", e);
                } finally {
                    DataSourceUtils.releaseConnection(own, dataSource);
                }
            }));
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return reassess(connection, trade, ids, actor, now, wholeBatch);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot route trade to importer accounts", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Writes routed trade: the monthly totals, the filer, and every change of Center with its basis and audit row.
     * Answers the accounts to weigh again once the batch is stored: those the plan lists, and those whose change of
     * Center another transaction overtook (see {@link #applyChanges}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Long> record(TradePlan plan) {
        if (plan.trade().isEmpty()) {
            return plan.weighAfterBatch();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            addTrade(connection, plan.trade(), plan.ids());
            recordFiler(connection, plan.ids(), plan.actor());
            Applied applied = applyChanges(connection, plan);
            audit.recordAll(connection, applied.audit());
            if (applied.overtaken().isEmpty()) {
                return plan.weighAfterBatch();
            }
            Set<Long> later = new HashSet<>(plan.weighAfterBatch());
            later.addAll(applied.overtaken());
            return later;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record trade on importer accounts", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Creates an account ahead of its first entry summary; answers whether it was new. */
    @Transactional
    public boolean create(ImporterNumber importer, String actor) {
        int created = jdbc.sql("insert into account (importer_number, importer_number_kind, created_at, created_by)"
                        + " values (?, ?, ?, ?) on conflict (importer_number) do nothing")
                .params(importer.value(), importer.kind().name(), Timestamp.from(clock.instant()), actor)
                .update();
        if (created > 0) {
            audit.record(actor, "ACCOUNT_CREATED", "account", importer.value(), Map.of("source", "api"));
        }
        return created > 0;
    }

    public Optional<AccountView> find(ImporterNumber importer) {
        return jdbc.sql("select id, importer_number, importer_number_kind, center, override_center, override_reason,"
                        + " override_by, override_at, created_at from account where importer_number = ?")
                .param(importer.value())
                .query((rs, i) -> toView(rs))
                .optional();
    }

    /** Places an account with a Center whatever its trade says, with the written reason of an authorised user. */
    @Transactional
    public AccountView override(ImporterNumber importer, CenterCode center, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new Invalid("REASON_REQUIRED", "An override of the Center assignment needs a written reason");
        }
        if (!WrittenReasons.saysEnough(reason)) {
            throw new Invalid(
                    "REASON_REQUIRED",
                    "An override of the Center assignment needs a written reason of at least "
                            + WrittenReasons.MINIMUM_WORDS + " words saying why the account belongs with the Center: '"
                            + Shown.value(reason)
                            + "' is not one");
        }
        WrittenReasons.refuseTooLong(reason, "The reason of an override");
        if (reference.center(center).isEmpty()) {
            throw new Invalid("CENTER_UNKNOWN", "There is no Center '" + center + "'");
        }
        long id = accountId(importer);
        boolean repeated = jdbc.sql("select coalesce(override_center = ? and override_reason = ?, false) from account"
                        + " where id = ? for update")
                .params(center.value(), reason, id)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (repeated) {
            // the same override sent again, as a retried request would: nothing changes and nothing more is recorded
            return find(importer).orElseThrow();
        }
        Instant now = clock.instant();
        jdbc.sql("update account set center = ?, override_center = ?, override_reason = ?, override_by = ?,"
                        + " override_at = ?, assigned_at = ? where id = ?")
                .params(center.value(), center.value(), reason, actor, Timestamp.from(now), Timestamp.from(now), id)
                .update();
        Map<String, BigDecimal> shares = PredominantCenter.shares(trailingTrade(id), metric);
        insertAssignment(id, center, Assignment.Kind.OVERRIDE, shares, reason, actor, now);
        audit.record(
                actor,
                "ACCOUNT_ASSIGNMENT_OVERRIDDEN",
                "account",
                importer.value(),
                Map.of("center", center.value(), "reason", reason, "shares", asWritten(shares)));
        return find(importer).orElseThrow();
    }

    /** Lifts an override: the account follows its trade again. */
    @Transactional
    public AccountView liftOverride(ImporterNumber importer, String reason, String actor) {
        long id = accountId(importer);
        boolean overridden = jdbc.sql("select override_center is not null from account where id = ? for update")
                .param(id)
                .query(Boolean.class)
                .single();
        if (!overridden) {
            throw new Conflict(
                    "NO_OVERRIDE_IN_FORCE",
                    "Account " + importer + " has no Center override in force; it follows its trade already.");
        }
        Map<CenterCode, Trade> trade = trailingTrade(id);
        CenterCode current = find(importer).map(AccountView::center).orElse(null);
        CenterCode center = PredominantCenter.of(trade, metric, current).orElse(current);
        Instant now = clock.instant();
        jdbc.sql(
                        "update account set center = ?, override_center = null, override_reason = null, override_by = null,"
                                + " override_at = null, assigned_at = ?, assignment_metric = ?, weighed_window = ? where id = ?")
                .params(center == null ? null : center.value(), Timestamp.from(now), metric.name(), windowStart(), id)
                .update();
        Map<String, BigDecimal> shares = PredominantCenter.shares(trade, metric);
        if (center != null) {
            insertAssignment(id, center, Assignment.Kind.OVERRIDE_LIFTED, shares, reason, actor, now);
        }
        audit.record(
                actor, "ACCOUNT_ASSIGNMENT_OVERRIDE_LIFTED", "account", importer.value(), liftedDetail(center, reason));
        return find(importer).orElseThrow();
    }

    /**
     * Shares as the account shows them, {@code "33.34"}, for an audit row: the audit log reads back a number of its
     * detail as a binary fraction, which would show {@code 100.00} as {@code 100.0}.
     */
    private static Map<String, String> asWritten(Map<String, BigDecimal> shares) {
        Map<String, String> written = new LinkedHashMap<>();
        shares.forEach((center, share) -> written.put(center, share.toPlainString()));
        return written;
    }

    /** The audit detail of a lifted override: the Center the trade gives, and the reason if one was written. */
    private static Map<String, Object> liftedDetail(CenterCode center, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("center", center == null ? null : center.value());
        detail.put("reason", reason);
        return detail;
    }

    /** Records membership of a trusted-partner program (CTPAT Trade Compliance) for a period. */
    @Transactional
    public AccountView recordTrustedPartner(
            ImporterNumber importer, String program, LocalDate from, LocalDate to, String actor) {
        if (!CTPAT_TRADE_COMPLIANCE.equals(program)) {
            throw new Invalid(
                    "TRUSTED_PARTNER_PROGRAM_UNKNOWN",
                    "Unknown trusted-partner program '" + program + "'; known: " + CTPAT_TRADE_COMPLIANCE);
        }
        if (from == null) {
            throw new Invalid("REQUIRED", "A trusted-partner period needs its start date");
        }
        if (from.isAfter(LocalDate.now(clock))) {
            throw new Invalid(
                    "DATE_IN_FUTURE",
                    "A trusted-partner period cannot start (" + from + ") after today's business date "
                            + LocalDate.now(clock));
        }
        if (to != null && to.isBefore(from)) {
            throw new Invalid(
                    "PERIOD_ORDER", "A trusted-partner period cannot end (" + to + ") before it starts (" + from + ")");
        }
        long id = accountId(importer);
        lockAccount(id);
        List<TrustedPartnership> overlapping = periods(id).stream()
                .filter(p -> !p.from().isAfter(to == null ? LocalDate.MAX : to)
                        && (p.to() == null || !p.to().isBefore(from)))
                .toList();
        if (!overlapping.isEmpty()) {
            TrustedPartnership held = overlapping.get(0);
            throw new Conflict(
                    "TRUSTED_PARTNER_PERIOD_OVERLAPS",
                    "Account " + importer + " is a trusted partner from " + held.from()
                            + (held.to() == null ? " with no end" : " to " + held.to())
                            + ", which the period given overlaps; end that period first if the status changed.");
        }
        jdbc.sql("insert into trusted_partner (account_id, program, effective_from, effective_to, recorded_by,"
                        + " recorded_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, program, from, to, actor, Timestamp.from(clock.instant()))
                .update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("program", program);
        detail.put("from", from.toString());
        detail.put("to", to == null ? null : to.toString());
        audit.record(actor, "TRUSTED_PARTNER_RECORDED", "account", importer.value(), detail);
        return find(importer).orElseThrow();
    }

    /**
     * Ends an account's trusted-partner status on a date (its last day as a partner), for a suspension or withdrawal:
     * the period in force on that date, or one open-ended, is closed then; audited with the reason.
     */
    @Transactional
    public AccountView endTrustedPartner(ImporterNumber importer, LocalDate on, String reason, String actor) {
        if (reason == null || !WrittenReasons.saysEnough(reason)) {
            throw new Invalid(
                    "REASON_REQUIRED",
                    "Ending trusted-partner status needs a written reason of at least " + WrittenReasons.MINIMUM_WORDS
                            + " words (a suspension or withdrawal and why)");
        }
        WrittenReasons.refuseTooLong(reason, "The reason to end trusted-partner status");
        long id = accountId(importer);
        lockAccount(id);
        LocalDate last = on == null ? LocalDate.now(clock) : on;
        TrustedPartnership period = periods(id).stream()
                .filter(p -> !p.from().isAfter(last) && (p.to() == null || p.to().isAfter(last)))
                .findFirst()
                .orElseThrow(() -> new Conflict(
                        "NO_TRUSTED_PARTNER_PERIOD",
                        "Account " + importer + " has no trusted-partner period in force on " + last
                                + " that runs past it, so there is none to end then."));
        jdbc.sql("update trusted_partner set effective_to = ? where account_id = ? and effective_from = ?")
                .params(last, id, period.from())
                .update();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", period.from().toString());
        detail.put("endedOn", last.toString());
        detail.put("reason", reason.strip());
        audit.record(actor, "TRUSTED_PARTNER_ENDED", "account", importer.value(), detail);
        return find(importer).orElseThrow();
    }

    private void lockAccount(long id) {
        jdbc.sql("select id from account where id = ? for update")
                .param(id)
                .query(Long.class)
                .single();
    }

    private List<TrustedPartnership> periods(long accountId) {
        return jdbc.sql(PARTNERSHIPS + " where t.account_id = ? order by t.effective_from")
                .param(accountId)
                .query(Accounts::partnership)
                .list();
    }

    /** The words of a written reason: runs of letters or digits, so that "." or "n/a" is no reason. */
    /** Whether the account is a CTPAT Trade Compliance partner on a date. */
    public boolean isTrustedPartner(ImporterNumber importer, LocalDate on) {
        return jdbc.sql("select exists (select 1 from trusted_partner t join account a on a.id = t.account_id"
                        + " where a.importer_number = ? and t.effective_from <= ?"
                        + " and (t.effective_to is null or t.effective_to >= ?))")
                .params(importer.value(), on, on)
                .query(Boolean.class)
                .single();
    }

    /**
     * Every trusted-partner period of every account, in one query, for callers that judge many entries at once (the
     * programme has hundreds of members, not millions).
     */
    public List<TrustedPartnership> trustedPartnerships() {
        return jdbc.sql(PARTNERSHIPS).query(Accounts::partnership).list();
    }

    private static final String PARTNERSHIPS = "select a.importer_number, t.effective_from, t.effective_to"
            + " from trusted_partner t join account a on a.id = t.account_id";

    private static TrustedPartnership partnership(ResultSet rs, int row) throws SQLException {
        return new TrustedPartnership(
                rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class));
    }

    private long accountId(ImporterNumber importer) {
        return jdbc.sql("select id from account where importer_number = ?")
                .param(importer.value())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new AccountNotFound(importer));
    }

    /**
     * The account ids of importers not yet known in memory, creating the accounts that do not exist. Ids of accounts
     * known to exist are kept in memory (accounts are never deleted); a new account's id joins them only once its
     * transaction has committed.
     */
    private Map<ImporterNumber, Long> ensureAccounts(
            Connection connection,
            Map<String, ImporterNumber> unknown,
            String actor,
            Instant now,
            List<AuditEntry> auditEntries)
            throws SQLException {
        Map<ImporterNumber, Long> ids = new HashMap<>();
        String[] numbers = unknown.keySet().stream().sorted().toArray(String[]::new);
        String[] kinds =
                Arrays.stream(numbers).map(n -> unknown.get(n).kind().name()).toArray(String[]::new);
        Set<String> created = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into account (importer_number, importer_number_kind, created_at, created_by)"
                        + " select n, k, ?, ? from unnest(?::text[], ?::text[]) as t(n, k)"
                        + " on conflict (importer_number) do nothing returning importer_number")) {
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setString(2, actor);
            insert.setArray(3, connection.createArrayOf("text", numbers));
            insert.setArray(4, connection.createArrayOf("text", kinds));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    created.add(rows.getString(1));
                    auditEntries.add(new AuditEntry(
                            now, actor, "ACCOUNT_CREATED", "account", rows.getString(1), Map.of("source", "intake")));
                }
            }
        }
        Map<String, Long> createdIds = new HashMap<>();
        try (PreparedStatement select =
                connection.prepareStatement("select importer_number, id from account where importer_number = any(?)")) {
            select.setArray(1, connection.createArrayOf("text", numbers));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.put(unknown.get(rows.getString(1)), rows.getLong(2));
                    if (created.contains(rows.getString(1))) {
                        createdIds.put(rows.getString(1), rows.getLong(2));
                    } else {
                        remember(rows.getString(1), rows.getLong(2));
                    }
                }
            }
        }
        if (!createdIds.isEmpty()) {
            AfterCommit.run(() -> createdIds.forEach(this::remember));
        }
        return ids;
    }

    private void remember(String importerNumber, long id) {
        putBounded(knownIds, KNOWN_IDS_LIMIT, importerNumber, id);
    }

    /**
     * Puts an entry into a cache of what is known to be stored, emptying it first when it holds {@code limit}
     * entries: forgetting costs only a query or an idempotent write, and keeps the cache bounded without bookkeeping.
     */
    private static <K, V> void putBounded(Map<K, V> cache, int limit, K key, V value) {
        if (cache.size() >= limit) {
            cache.clear();
        }
        cache.put(key, value);
    }

    /**
     * Records the filer of the accounts' trade. A pair already known to be stored is not written again; a pair written
     * here becomes known once the transaction has committed.
     */
    private void recordFiler(Connection connection, Map<ImporterNumber, Long> ids, String actor) throws SQLException {
        Long[] unknown = ids.values().stream()
                .filter(id -> !knownFilers.containsKey(new FilerOf(id, actor)))
                .sorted()
                .toArray(Long[]::new);
        if (unknown.length == 0) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into account_filer (account_id, filer) select id, ? from unnest(?::bigint[]) as t(id)"
                        + " on conflict do nothing")) {
            insert.setString(1, actor);
            insert.setArray(2, connection.createArrayOf("bigint", unknown));
            insert.executeUpdate();
        }
        AfterCommit.run(() -> {
            for (Long id : unknown) {
                putBounded(knownFilers, KNOWN_FILERS_LIMIT, new FilerOf(id, actor), Boolean.TRUE);
            }
        });
    }

    private record FilerOf(long accountId, String filer) {}

    /** Whether a filer has filed entry summaries for an account. */
    public boolean filedBy(ImporterNumber importer, String filer) {
        return jdbc.sql("select exists (select 1 from account_filer f join account a on a.id = f.account_id"
                        + " where a.importer_number = ? and f.filer = ?)")
                .params(importer.value(), filer)
                .query(Boolean.class)
                .single();
    }

    private void addTrade(Connection connection, List<TradeContribution> trade, Map<ImporterNumber, Long> ids)
            throws SQLException {
        record Key(long account, LocalDate month, String center) {}
        Map<Key, Trade> totals = new LinkedHashMap<>();
        for (TradeContribution t : trade) {
            Key key = new Key(
                    ids.get(t.importer()),
                    t.entryDate().withDayOfMonth(1),
                    t.center().value());
            totals.merge(key, new Trade(t.enteredValue().amount(), t.lines()), Trade::plus);
        }
        List<Map.Entry<Key, Trade>> rows = totals.entrySet().stream()
                .sorted(Comparator.comparing(
                                (Map.Entry<Key, Trade> e) -> e.getKey().account())
                        .thenComparing(e -> e.getKey().month())
                        .thenComparing(e -> e.getKey().center()))
                .toList();
        try (PreparedStatement upsert = connection.prepareStatement(
                "insert into account_trade_month (account_id, month, center, entered_value, line_count)"
                        + " select * from unnest(?::bigint[], ?::date[], ?::text[], ?::numeric[], ?::int[])"
                        + " on conflict (account_id, month, center) do update set"
                        + " entered_value = account_trade_month.entered_value + excluded.entered_value,"
                        + " line_count = account_trade_month.line_count + excluded.line_count")) {
            upsert.setArray(
                    1,
                    array(
                            connection,
                            "bigint",
                            rows.stream().map(e -> e.getKey().account())));
            upsert.setArray(
                    2,
                    array(
                            connection,
                            "date",
                            rows.stream()
                                    .map(e -> java.sql.Date.valueOf(e.getKey().month()))));
            upsert.setArray(
                    3,
                    array(connection, "text", rows.stream().map(e -> e.getKey().center())));
            upsert.setArray(
                    4,
                    array(
                            connection,
                            "numeric",
                            rows.stream().map(e -> e.getValue().value())));
            upsert.setArray(5, array(connection, "int", rows.stream().map(e ->
                    (int) e.getValue().lines())));
            upsert.executeUpdate();
        }
    }

    /**
     * Decides each account's Center for the trade given. An overridden account keeps its Center whatever its trade; an
     * account to be weighed now (see {@link PredominantCenter#weighing}) is weighed on its stored trailing trade plus
     * the trade given; every other account keeps its Center without its trade being read, and is listed to be weighed
     * after the batch when some of the trade given falls to another Center.
     */
    private TradePlan reassess(
            Connection connection,
            List<TradeContribution> trade,
            Map<ImporterNumber, Long> ids,
            String actor,
            Instant now,
            boolean wholeBatch)
            throws SQLException {
        Long[] accountIds = ids.values().stream().sorted().toArray(Long[]::new);
        Standing standing = standing(connection, accountIds, false);
        Map<Long, CenterCode> current = standing.current();
        Map<Long, LocalDate> weighedOn = standing.weighedOn();
        LocalDate windowStart = windowStart();
        Map<Long, Set<CenterCode>> gaining = new HashMap<>();
        Map<Long, Set<CenterCode>> losing = new HashMap<>();
        for (TradeContribution contribution : trade) {
            (contribution.takesAway() ? losing : gaining)
                    .computeIfAbsent(ids.get(contribution.importer()), id -> new HashSet<>())
                    .add(contribution.center());
        }
        List<Long> toWeigh = new ArrayList<>();
        List<Long> afterBatch = new ArrayList<>();
        for (Long id : accountIds) {
            if (standing.overridden().contains(id)) {
                continue;
            }
            switch (PredominantCenter.weighing(
                    current.get(id),
                    weighedOn.get(id),
                    windowStart,
                    gaining.getOrDefault(id, Set.of()),
                    losing.getOrDefault(id, Set.of()))) {
                case NOW -> toWeigh.add(id);
                case AFTER_BATCH -> (wholeBatch ? toWeigh : afterBatch).add(id);
                case NOT_NEEDED -> {}
            }
        }
        WeighedTrade weighed = trailingTrade(connection, toWeigh.toArray(Long[]::new));
        for (TradeContribution contribution : trade) {
            long id = ids.get(contribution.importer());
            if (!weighed.covers(id)) {
                continue;
            }
            Trade added = new Trade(contribution.enteredValue().amount(), contribution.lines());
            weighed.all.computeIfAbsent(id, key -> new HashMap<>()).merge(contribution.center(), added, Trade::plus);
            if (!contribution.entryDate().isBefore(windowStart)) {
                weighed.recent
                        .computeIfAbsent(id, key -> new HashMap<>())
                        .merge(contribution.center(), added, Trade::plus);
            }
        }
        List<TradePlan.Change> changes = new ArrayList<>();
        Map<ImporterNumber, Routing> routing = new HashMap<>();
        for (Map.Entry<ImporterNumber, Long> account : ids.entrySet()) {
            long id = account.getValue();
            CenterCode before = current.get(id);
            if (!weighed.covers(id)) {
                routing.put(account.getKey(), new Routing(id, before));
                continue;
            }
            Optional<TradePlan.Change> change = change(id, account.getKey(), before, weighed.of(id));
            change.ifPresent(changes::add);
            routing.put(
                    account.getKey(),
                    new Routing(id, change.map(TradePlan.Change::after).orElse(before)));
        }
        changes.sort(Comparator.comparingLong(TradePlan.Change::accountId));
        List<Long> firstWeighedOnWindow = toWeigh.stream()
                .filter(id -> !windowStart.equals(weighedOn.get(id)))
                .toList();
        return new TradePlan(
                trade, ids, routing, changes, firstWeighedOnWindow, windowStart, actor, now, Set.copyOf(afterBatch));
    }

    /**
     * Weighs accounts again on their stored trailing trade once a batch is stored: those whose trade in it fell
     * partly to another Center than their own ({@link TradePlan#weighAfterBatch}). A Center that changes is written
     * with its basis in the assignment history and the audit log, as during intake. Accounts are weighed a slice at a
     * time, each slice in a transaction of its own (or the caller's), their rows locked in the order of their ids, so
     * that concurrent batches weigh an account one after the other.
     */
    public void weighAfterBatch(Collection<Long> accountIds, String actor) {
        List<Long> sorted = accountIds.stream().sorted().distinct().toList();
        for (int from = 0; from < sorted.size(); from += WEIGHING_SLICE) {
            Long[] slice = sorted.subList(from, Math.min(sorted.size(), from + WEIGHING_SLICE))
                    .toArray(Long[]::new);
            weighings.executeWithoutResult(status -> {
                Connection connection = DataSourceUtils.getConnection(dataSource);
                try {
                    TradePlan plan = weigh(connection, slice, actor, clock.instant());
                    audit.recordAll(connection, applyChanges(connection, plan).audit());
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot weigh " + slice.length + " importer accounts again", e);
                } finally {
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
            });
        }
    }

    /**
     * Weighs again the accounts not weighed on the current trailing window, and that have a Center of their trade, not
     * an override: as the business month turns, trade of the month that leaves the window no longer counts, and an
     * account whose Center it held leans to another; an account whose weighing was set aside (its {@code
     * weighed_window} cleared, as a migration that rebuilds trade totals does) is weighed on its totals as they now are.
     * Answers how many were weighed; audited as any reassessment.
     */
    public int weighOnCurrentWindow(String actor) {
        List<Long> ids = jdbc.sql("select id from account where center is not null and override_center is null"
                        + " and weighed_window is distinct from ?")
                .param(windowStart())
                .query(Long.class)
                .list();
        weighAfterBatch(ids, actor);
        return ids.size();
    }

    /** Weighs accounts on their stored trailing trade alone, their rows locked; overridden accounts are left alone. */
    private TradePlan weigh(Connection connection, Long[] accountIds, String actor, Instant now) throws SQLException {
        Standing standing = standing(connection, accountIds, true);
        LocalDate windowStart = windowStart();
        Long[] toWeigh = Arrays.stream(accountIds)
                .filter(id -> standing.importers().containsKey(id)
                        && !standing.overridden().contains(id))
                .toArray(Long[]::new);
        WeighedTrade weighed = trailingTrade(connection, toWeigh);
        List<TradePlan.Change> changes = new ArrayList<>();
        for (Long id : toWeigh) {
            change(id, standing.importers().get(id), standing.current().get(id), weighed.of(id))
                    .ifPresent(changes::add);
        }
        List<Long> firstWeighedOnWindow = Arrays.stream(toWeigh)
                .filter(id -> !windowStart.equals(standing.weighedOn().get(id)))
                .toList();
        return new TradePlan(
                List.of(), Map.of(), Map.of(), changes, firstWeighedOnWindow, windowStart, actor, now, Set.of());
    }

    /** The change of Center that weighing an account on the trade given brings, if it brings one. */
    private Optional<TradePlan.Change> change(
            long id, ImporterNumber importer, CenterCode before, Map<CenterCode, Trade> basis) {
        CenterCode after = PredominantCenter.of(basis, metric, before).orElse(before);
        if (after == null || after.equals(before)) {
            return Optional.empty();
        }
        return Optional.of(new TradePlan.Change(
                id,
                importer,
                before,
                after,
                before == null ? Assignment.Kind.INITIAL : Assignment.Kind.REASSESSED,
                PredominantCenter.shares(basis, metric)));
    }

    /**
     * Where accounts stand: their Center, the trailing window it was weighed on (none when it was weighed by another
     * metric than the one configured now), whether it is overridden, and, after a batch only, their importer numbers.
     */
    private record Standing(
            Map<Long, CenterCode> current,
            Map<Long, LocalDate> weighedOn,
            Set<Long> overridden,
            Map<Long, ImporterNumber> importers) {}

    /**
     * Reads where accounts stand. After a batch, the rows are locked in id order and the importer numbers read too;
     * intake has the importer numbers of its chunk in hand and locks the rows only when it writes them.
     */
    private Standing standing(Connection connection, Long[] accountIds, boolean afterBatch) throws SQLException {
        Standing standing = new Standing(new HashMap<>(), new HashMap<>(), new HashSet<>(), new HashMap<>());
        try (PreparedStatement select =
                connection.prepareStatement("select id, center, override_center, weighed_window, assignment_metric"
                        + (afterBatch ? ", importer_number, importer_number_kind" : "")
                        + " from account where id = any(?)"
                        + (afterBatch ? " order by id for update" : ""))) {
            select.setArray(1, connection.createArrayOf("bigint", accountIds));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    if (rows.getString(2) != null) {
                        standing.current().put(id, CenterCode.of(rows.getString(2)));
                    }
                    if (rows.getString(3) != null) {
                        standing.overridden().add(id);
                    }
                    // a Center weighed by another metric than the one configured now has not been weighed at all
                    standing.weighedOn()
                            .put(
                                    id,
                                    metric.name().equals(rows.getString(5))
                                            ? rows.getObject(4, LocalDate.class)
                                            : null);
                    if (afterBatch) {
                        standing.importers()
                                .put(
                                        id,
                                        new ImporterNumber(
                                                rows.getString(6), ImporterNumber.Kind.valueOf(rows.getString(7))));
                    }
                }
            }
        }
        return standing;
    }

    /**
     * Writes the changes of Center, each with its basis in the assignment history and the audit log, and the window
     * and metric each weighed account was weighed on. Account rows are updated in the order of their ids, so that
     * concurrent intakes lock them in the same order.
     *
     * <p>A change is written only while the account still has the Center it was weighed against. Two chunks stored side
     * by side may both weigh an account that had no Center (or none on the window in force); the one that commits
     * first decides, and the other's change is overtaken: it writes no history or audit row, and the account is weighed
     * again once the batch is stored. Its summaries keep the Center the chunk routed them to.
     */
    private Applied applyChanges(Connection connection, TradePlan plan) throws SQLException {
        List<AuditEntry> auditEntries = new ArrayList<>();
        Set<Long> overtaken = new HashSet<>();
        Map<Long, TradePlan.Change> changes = new HashMap<>();
        plan.changes().forEach(change -> changes.put(change.accountId(), change));
        Set<Long> ids = new TreeSet<>(changes.keySet());
        ids.addAll(plan.firstWeighedOnWindow());
        List<Long> updated = List.copyOf(ids);
        if (updated.isEmpty()) {
            return new Applied(auditEntries, overtaken);
        }
        int[] counts;
        try (PreparedStatement update = connection.prepareStatement(
                "update account set center = coalesce(?, center), assigned_at = coalesce(?, assigned_at),"
                        + " assignment_metric = ?, weighed_window = ? where id = ?"
                        + " and (? or center is not distinct from ?::text)")) {
            for (long id : updated) {
                TradePlan.Change change = changes.get(id);
                update.setString(1, change == null ? null : change.after().value());
                update.setTimestamp(2, change == null ? null : Timestamp.from(plan.decidedAt()));
                update.setString(3, metric.name());
                update.setObject(4, plan.window());
                update.setLong(5, id);
                update.setBoolean(6, change == null);
                update.setString(
                        7,
                        change == null || change.before() == null
                                ? null
                                : change.before().value());
                update.addBatch();
            }
            counts = update.executeBatch();
        }
        try (PreparedStatement history = connection.prepareStatement(
                "insert into account_assignment (account_id, center, kind, metric, basis, decided_by,"
                        + " decided_at) values (?, ?, ?, ?, ?::jsonb, ?, ?)")) {
            boolean written = false;
            for (int i = 0; i < updated.size(); i++) {
                TradePlan.Change change = changes.get(updated.get(i));
                if (change == null) {
                    continue;
                }
                if (counts[i] == 0) {
                    overtaken.add(change.accountId());
                    continue;
                }
                history.setLong(1, change.accountId());
                history.setString(2, change.after().value());
                history.setString(3, change.kind().name());
                history.setString(4, metric.name());
                history.setString(5, JSON.writeValueAsString(change.shares()));
                // the assignment rule decides, not whoever filed the trade that moved it
                history.setString(6, ASSIGNED_BY_RULE);
                history.setTimestamp(7, Timestamp.from(plan.decidedAt()));
                history.addBatch();
                written = true;
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put(
                        "from", change.before() == null ? null : change.before().value());
                detail.put("to", change.after().value());
                detail.put("kind", change.kind().name());
                detail.put("metric", metric.name());
                detail.put("shares", asWritten(change.shares()));
                detail.put("filedBy", plan.actor());
                auditEntries.add(new AuditEntry(
                        plan.decidedAt(),
                        ASSIGNED_BY_RULE,
                        "ACCOUNT_CENTER_ASSIGNED",
                        "account",
                        change.importer().value(),
                        detail));
            }
            if (written) {
                history.executeBatch();
            }
        }
        return new Applied(auditEntries, overtaken);
    }

    /** What writing a plan's changes of Center did: their audit rows, and the accounts whose change was overtaken. */
    private record Applied(List<AuditEntry> audit, Set<Long> overtaken) {}

    /**
     * The stored trade of accounts over the trailing window, and in all for the accounts with none in the window (an
     * account is weighed on all of its trade only then, see {@link WeighedTrade#of}).
     */
    private WeighedTrade trailingTrade(Connection connection, Long[] accountIds) throws SQLException {
        WeighedTrade weighed = new WeighedTrade(Set.of(accountIds), new HashMap<>(), new HashMap<>());
        if (accountIds.length == 0) {
            return weighed;
        }
        readTrade(connection, accountIds, windowStart(), weighed.recent);
        Long[] outsideWindow = Arrays.stream(accountIds)
                .filter(id -> !weighed.recent.containsKey(id))
                .toArray(Long[]::new);
        if (outsideWindow.length > 0) {
            readTrade(connection, outsideWindow, null, weighed.all);
        }
        return weighed;
    }

    /** The stored trade of accounts by Center, from the month {@code from} on, or over all months for null. */
    private static void readTrade(
            Connection connection, Long[] accountIds, LocalDate from, Map<Long, Map<CenterCode, Trade>> into)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select account_id, center, sum(entered_value), sum(line_count) from account_trade_month"
                        + " where account_id = any(?)" + (from == null ? "" : " and month >= ?")
                        + " group by account_id, center")) {
            select.setArray(1, connection.createArrayOf("bigint", accountIds));
            if (from != null) {
                select.setDate(2, java.sql.Date.valueOf(from));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    into.computeIfAbsent(rows.getLong(1), id -> new HashMap<>())
                            .put(CenterCode.of(rows.getString(2)), new Trade(rows.getBigDecimal(3), rows.getLong(4)));
                }
            }
        }
    }

    /**
     * The trade by Center of the accounts weighed, over the trailing window and in all: an account is weighed on the
     * window, or on all of its trade when none falls in the window. {@code all} holds the stored trade only of the
     * accounts with none stored in the window.
     */
    private record WeighedTrade(
            Set<Long> accounts, Map<Long, Map<CenterCode, Trade>> recent, Map<Long, Map<CenterCode, Trade>> all) {

        boolean covers(long account) {
            return accounts.contains(account);
        }

        /** Whether the account is weighed on the trailing window, rather than on all its trade for want of any there. */
        boolean inWindow(long account) {
            Map<CenterCode, Trade> window = recent.get(account);
            return window != null && !window.isEmpty();
        }

        Map<CenterCode, Trade> of(long account) {
            Map<CenterCode, Trade> window = recent.get(account);
            return window != null && !window.isEmpty() ? window : all.getOrDefault(account, Map.of());
        }
    }

    private Map<CenterCode, Trade> trailingTrade(long accountId) {
        return weighedTrade(accountId).of(accountId);
    }

    private WeighedTrade weighedTrade(long accountId) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return trailingTrade(connection, new Long[] {accountId});
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the trade of account " + accountId, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The first day of the trailing twelve-month window that ends in the current business month. */
    private LocalDate windowStart() {
        return LocalDate.now(clock).withDayOfMonth(1).minusMonths(TRAILING_MONTHS - 1L);
    }

    private void insertAssignment(
            long id,
            CenterCode center,
            Assignment.Kind kind,
            Map<String, BigDecimal> shares,
            String reason,
            String actor,
            Instant now) {
        jdbc.sql("insert into account_assignment (account_id, center, kind, metric, basis, reason, decided_by,"
                        + " decided_at) values (?, ?, ?, ?, ?::jsonb, ?, ?, ?)")
                .params(
                        id,
                        center.value(),
                        kind.name(),
                        metric.name(),
                        JSON.writeValueAsString(shares),
                        reason,
                        actor,
                        Timestamp.from(now))
                .update();
    }

    private AccountView toView(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        WeighedTrade weighed = weighedTrade(id);
        Map<CenterCode, Trade> trade = weighed.of(id);
        Map<String, BigDecimal> shares = PredominantCenter.shares(trade, metric);
        // the entered value of each Center the shares list, in their order
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        shares.keySet()
                .forEach(center ->
                        values.put(center, trade.get(CenterCode.of(center)).value()));
        LocalDate today = LocalDate.now(clock);
        // an account with no trade in the window is weighed on all of its trade, which the basis then dates
        LocalDate weighedFrom = weighed.inWindow(id) || trade.isEmpty()
                ? windowStart()
                : jdbc.sql("select min(month) from account_trade_month where account_id = ?")
                        .param(id)
                        .query(LocalDate.class)
                        .single();
        AccountView.Basis basis = new AccountView.Basis(weighedFrom, today, shares, values);
        AccountView.Override override = rs.getString(5) == null
                ? null
                : new AccountView.Override(
                        CenterCode.of(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant());
        List<Assignment> history = jdbc.sql(
                        "select center, kind, metric, basis, reason, decided_by, decided_at from account_assignment"
                                + " where account_id = ? order by id")
                .param(id)
                .query((row, i) -> new Assignment(
                        CenterCode.of(row.getString(1)),
                        Assignment.Kind.valueOf(row.getString(2)),
                        row.getString(3) == null ? null : AssignmentMetric.valueOf(row.getString(3)),
                        row.getString(4) == null
                                ? Map.of()
                                : PredominantCenter.largestFirst(JSON.readValue(
                                        row.getString(4), new TypeReference<Map<String, BigDecimal>>() {})),
                        row.getString(5),
                        row.getString(6),
                        row.getTimestamp(7).toInstant()))
                .list();
        List<AccountView.TrustedPartnerStatus> partners = jdbc.sql(
                        "select program, effective_from, effective_to from trusted_partner where account_id = ?"
                                + " order by effective_from")
                .param(id)
                .query((row, i) -> {
                    LocalDate from = row.getObject(2, LocalDate.class);
                    LocalDate to = row.getObject(3, LocalDate.class);
                    return new AccountView.TrustedPartnerStatus(
                            row.getString(1), from, to, !from.isAfter(today) && (to == null || !to.isBefore(today)));
                })
                .list();
        return new AccountView(
                rs.getString(2),
                ImporterNumber.Kind.valueOf(rs.getString(3)),
                rs.getString(4) == null ? null : CenterCode.of(rs.getString(4)),
                metric,
                basis,
                override,
                history,
                partners,
                rs.getTimestamp(9).toInstant());
    }

    private static <T> Array array(Connection connection, String type, java.util.stream.Stream<T> values)
            throws SQLException {
        return connection.createArrayOf(type, values.toArray());
    }
}

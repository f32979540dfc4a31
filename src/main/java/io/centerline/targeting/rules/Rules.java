package io.centerline.targeting.rules;

import io.centerline.identity.AuditLog;
import io.centerline.identity.CurrentUser;
import io.centerline.identity.Users;
import io.centerline.platform.AfterCommit;
import io.centerline.platform.Shown;
import io.centerline.platform.WrittenReasons;
import io.centerline.reference.CenterCode;
import io.centerline.reference.ReferenceData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored rules and every version of them. A rule is created as version 1; a change stores a new version and
 * never alters an old one; retiring a rule ends the active period of its versions. Every change is checked in full
 * (a rule that does not compile is refused with CEL's message) and written to the audit log in the same transaction.
 * A rule, or a new version, that fails with an error on every line of the latest stored entry summaries is refused
 * ({@link RuleTrial}). A version that scoring suspends for exceeding its budget too often is recorded as suspended, and
 * stays so until a targeter resumes it ({@link RuleSuspension}).
 */
@Service
public class Rules {

    /** The subject type of rules in the audit log. */
    public static final String AUDIT_SUBJECT = "targeting-rule";

    private static final Logger log = LoggerFactory.getLogger(Rules.class);
    private static final String SUSPENSION_COLUMNS =
            "id, code, version, suspended_at, cause, stops, resumed_at, resumed_by, resume_reason";

    private static final String COLUMNS = "code, version, name, owner, center, expression, reason_template,"
            + " trade_reason, strength, active_from, active_to, created_by, created_at, retired_by, retired_at";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ReferenceData reference;
    private final Users users;
    private final Clock clock;
    private final RuleEnvironment environment;
    private final RuleTrial trial;
    private final AtomicLong changes = new AtomicLong();
    private final TransactionTemplate ownTransaction;

    Rules(
            JdbcClient jdbc,
            AuditLog audit,
            ReferenceData reference,
            Users users,
            Clock clock,
            RuleEnvironment environment,
            RuleTrial trial,
            PlatformTransactionManager transactionManager) {
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.audit = audit;
        this.reference = reference;
        this.users = users;
        this.clock = clock;
        this.environment = environment;
        this.trial = trial;
    }

    /** Whether a Center has the code, as the code is written (callers read codes in any case first). */
    public boolean isCenter(String code) {
        return reference.isCenter(code);
    }

    /** Every version of every rule. */
    public List<Rule> all() {
        return jdbc.sql("select " + COLUMNS + " from targeting_rule order by code, version")
                .query((rs, i) -> rule(rs))
                .list();
    }

    /** The versions of a rule, oldest first; empty when there is no such rule. */
    public List<Rule> versions(RuleCode code) {
        return jdbc.sql("select " + COLUMNS + " from targeting_rule where code = ? order by version")
                .param(code.value())
                .query((rs, i) -> rule(rs))
                .list();
    }

    public Optional<Rule> version(RuleCode code, int version) {
        return jdbc.sql("select " + COLUMNS + " from targeting_rule where code = ? and version = ?")
                .params(code.value(), version)
                .query((rs, i) -> rule(rs))
                .optional();
    }

    /** Counts committed changes, so that evaluation knows when to load the rules again. */
    long changes() {
        return changes.get();
    }

    /** Stores a new rule as version 1. */
    @Transactional
    public RuleChange create(RuleDraft draft, String actor) {
        List<RuleProblem> problems = draft.problems(environment, reference::isCenter, users::isStaff, today());
        if (!problems.isEmpty()) {
            return new RuleChange.Refused(problems);
        }
        Optional<RuleProblem> fails = alwaysFails(draft);
        if (fails.isPresent()) {
            return new RuleChange.Refused(List.of(fails.get()));
        }
        RuleCode code = RuleCode.of(draft.code());
        if (!versions(code).isEmpty()) {
            return new RuleChange.AlreadyExists(code);
        }
        try {
            Rule rule = insert(code, 1, draft, actor);
            audit.record(actor, "RULE_CREATED", AUDIT_SUBJECT, code.value(), detail(rule));
            return saved(rule);
        } catch (DuplicateKeyException e) {
            return new RuleChange.AlreadyExists(code);
        }
    }

    /** Stores a new version of a rule; what the draft leaves out is taken from the latest version. */
    @Transactional
    public RuleChange newVersion(String code, RuleDraft draft, String actor) {
        Optional<RuleCode> parsed = RuleCode.tryParse(code);
        if (parsed.isEmpty()) {
            return new RuleChange.NotFound(Shown.value(code));
        }
        List<Rule> versions = lockedVersions(parsed.get());
        if (versions.isEmpty()) {
            return new RuleChange.NotFound(Shown.value(code));
        }
        if (draft.code() != null && !draft.code().equals(code)) {
            return new RuleChange.Refused(List.of(RuleProblem.of(
                    "code",
                    "RULE_CODE_CHANGE",
                    "A new version keeps the rule's code " + code + "; create a new rule" + " for another code")));
        }
        Rule latest = versions.get(versions.size() - 1);
        RuleDraft complete = draft.over(latest, today());
        List<RuleProblem> problems = complete.problems(environment, reference::isCenter, users::isStaff, today());
        if (!problems.isEmpty()) {
            return new RuleChange.Refused(problems);
        }
        if (complete.repeats(latest)) {
            return new RuleChange.Refused(List.of(RuleProblem.of(
                    null,
                    "RULE_UNCHANGED",
                    "The new version changes nothing of version " + latest.version() + "; change at least one of its"
                            + " fields or its period")));
        }
        Optional<RuleProblem> fails = alwaysFails(complete);
        if (fails.isPresent()) {
            return new RuleChange.Refused(List.of(fails.get()));
        }
        Rule rule = insert(latest.code(), latest.version() + 1, complete, actor);
        Map<String, Object> detail = detail(rule);
        detail.put("previousVersion", latest.version());
        audit.record(actor, "RULE_VERSION_CREATED", AUDIT_SUBJECT, code, detail);
        return saved(rule);
    }

    /**
     * Retires a rule: none of its versions is in force from {@code from} (the business date when absent, never a day
     * before it: summaries scored on earlier days were scored with the rule) on. The versions themselves stay as they
     * were; only the end of their active period is set, and a version that would have started on {@code from} or later
     * reads a period that ends the day before it starts, in force on no day. A retirement needs a written reason
     * ({@link WrittenReasons}), as a resumption does, and a rule in force on no day from {@code from} on is refused,
     * so that each retirement is audited once.
     */
    @Transactional
    public RuleChange retire(String code, LocalDate from, String reason, String actor) {
        Optional<RuleCode> parsed = RuleCode.tryParse(code);
        if (parsed.isEmpty()) {
            return new RuleChange.NotFound(Shown.value(code));
        }
        List<Rule> versions = lockedVersions(parsed.get());
        if (versions.isEmpty()) {
            return new RuleChange.NotFound(Shown.value(code));
        }
        List<RuleProblem> problems = new ArrayList<>();
        LocalDate today = today();
        if (from != null && from.isBefore(today)) {
            problems.add(RuleProblem.of(
                    "from",
                    "DATE_IN_PAST",
                    "A rule is retired from the business date (" + today + ") or later, not " + from
                            + ": the summaries of earlier days were scored with it"));
        }
        if (!WrittenReasons.saysEnough(reason)) {
            problems.add(RuleProblem.of(
                    "reason",
                    "REASON_REQUIRED",
                    "Say in at least " + WrittenReasons.MINIMUM_WORDS + " words why the rule is retired"));
        } else if (WrittenReasons.tooLong(reason)) {
            problems.add(
                    RuleProblem.of("reason", "TOO_LONG", WrittenReasons.tooLongMessage("The reason to retire a rule")));
        }
        if (!problems.isEmpty()) {
            return new RuleChange.Refused(problems);
        }
        LocalDate start = from == null ? today : from;
        Instant now = clock.instant();
        // the versions in force on some day from the start on: an open or later end, and a period not empty already
        int retired = jdbc.sql("update targeting_rule set active_to = greatest(?, active_from) - 1, retired_by = ?,"
                        + " retired_at = ? where code = ? and (active_to is null or (active_to >= ? and active_to >="
                        + " active_from))")
                .params(start, actor, Timestamp.from(now), code, start)
                .update();
        if (retired == 0) {
            return new RuleChange.Refused(List.of(RuleProblem.of(
                    "from",
                    "RULE_NOT_IN_FORCE",
                    "Rule " + code + " is in force on no day from " + start + " on; there is nothing to retire")));
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("notInForceFrom", start.toString());
        detail.put("versions", retired);
        detail.put("reason", reason.strip());
        audit.record(actor, "RULE_RETIRED", AUDIT_SUBJECT, code, detail);
        List<Rule> after = versions(parsed.get());
        return saved(after.get(after.size() - 1));
    }

    /** The latest suspension of every rule version ever suspended, open or resumed, by {@link RuleSet#key}. */
    Map<String, RuleSuspension> latestSuspensions() {
        Map<String, RuleSuspension> latest = new HashMap<>();
        jdbc.sql("select distinct on (code, version) " + SUSPENSION_COLUMNS + " from targeting_rule_suspension"
                        + " order by code, version, id desc")
                .query((rs, i) -> suspension(rs))
                .list()
                .forEach(suspension -> latest.put(RuleSet.key(suspension.code(), suspension.version()), suspension));
        return latest;
    }

    /**
     * Records that scoring suspended a rule version, with an audit row, in a transaction of its own: the suspension
     * holds whatever becomes of the scoring that found it. Answers the open suspension's id (one recorded a moment
     * before by another instance counts), or nothing when it could not be recorded, which is logged; the version stays
     * suspended in this process all the same.
     */
    OptionalLong recordSuspension(Rule rule, String cause, long stops) {
        try {
            Long id = ownTransaction.execute(status -> {
                Instant now = clock.instant();
                Optional<Long> inserted = jdbc.sql("insert into targeting_rule_suspension (code, version, suspended_at,"
                                + " cause, stops) values (?, ?, ?, ?, ?)"
                                + " on conflict (code, version) where resumed_at is null do nothing returning id")
                        .params(rule.code().value(), rule.version(), Timestamp.from(now), cause, (int) stops)
                        .query(Long.class)
                        .optional();
                if (inserted.isEmpty()) {
                    return openSuspension(rule.code(), rule.version())
                            .map(RuleSuspension::id)
                            .orElse(null);
                }
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("version", rule.version());
                detail.put("stops", stops);
                detail.put("cause", cause);
                audit.record(
                        CurrentUser.SYSTEM,
                        "RULE_SUSPENDED",
                        AUDIT_SUBJECT,
                        rule.code().value(),
                        detail);
                return inserted.get();
            });
            log.warn(
                    "Targeting rule {} version {} was suspended after {} evaluations stopped for exceeding their"
                            + " budget: {}",
                    rule.code(),
                    rule.version(),
                    stops,
                    cause);
            return id == null ? OptionalLong.empty() : OptionalLong.of(id);
        } catch (DataAccessException | TransactionException e) {
            log.error(
                    "Could not record the suspension of targeting rule {} version {}; it stays suspended in this"
                            + " process only",
                    rule.code(),
                    rule.version(),
                    e);
            return OptionalLong.empty();
        }
    }

    /** The suspension a rule version is passed by for, if one is open. */
    public Optional<RuleSuspension> openSuspension(RuleCode code, int version) {
        return jdbc.sql("select " + SUSPENSION_COLUMNS
                        + " from targeting_rule_suspension where code = ? and version = ? and resumed_at is null")
                .params(code.value(), version)
                .query((rs, i) -> suspension(rs))
                .optional();
    }

    /**
     * Resumes a suspended rule version: scoring evaluates it again, its counts starting from nothing. A version that is
     * not suspended is refused as such before its reason is read; a reason is required, since the version was
     * suspended for costing too much; a new version that costs less is the other way out.
     */
    @Transactional
    public RuleChange resume(String code, int version, String reason, String actor) {
        Optional<RuleCode> parsed = RuleCode.tryParse(code);
        Optional<Rule> rule = parsed.flatMap(c -> version(c, version));
        if (rule.isEmpty()) {
            return new RuleChange.NotFound(Shown.value(code) + " version " + version);
        }
        if (openSuspension(parsed.get(), version).isEmpty()) {
            return new RuleChange.NotSuspended(parsed.get(), version);
        }
        if (!WrittenReasons.saysEnough(reason)) {
            return new RuleChange.Refused(List.of(RuleProblem.of(
                    "reason",
                    "RULE_RESUME_REASON_REQUIRED",
                    "Say in at least " + WrittenReasons.MINIMUM_WORDS + " words why the rule may run again: it was"
                            + " suspended for exceeding its evaluation budget")));
        }
        if (WrittenReasons.tooLong(reason)) {
            return new RuleChange.Refused(List.of(RuleProblem.of(
                    "reason", "TOO_LONG", WrittenReasons.tooLongMessage("The reason to resume a rule"))));
        }
        Instant now = clock.instant();
        Optional<Long> resumed = jdbc.sql("update targeting_rule_suspension set resumed_at = ?, resumed_by = ?,"
                        + " resume_reason = ? where code = ? and version = ? and resumed_at is null returning id")
                .params(Timestamp.from(now), actor, reason.strip(), code, version)
                .query(Long.class)
                .optional();
        if (resumed.isEmpty()) {
            return new RuleChange.NotSuspended(parsed.get(), version);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", version);
        detail.put("reason", reason.strip());
        audit.record(actor, "RULE_RESUMED", AUDIT_SUBJECT, code, detail);
        return saved(rule.get());
    }

    /**
     * The versions of a rule, oldest first, once no other transaction is changing the rule: a lock on the rule's code
     * (held to the end of the transaction) makes concurrent new versions of one rule wait for each other, since locking
     * the stored rows alone would let two of them read the same latest version and number their versions alike.
     */
    private List<Rule> lockedVersions(RuleCode code) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('targeting_rule:' || ?, 0))")
                .param(code.value())
                .query((rs, i) -> 1)
                .list();
        return jdbc.sql("select " + COLUMNS + " from targeting_rule where code = ? order by version for update")
                .param(code.value())
                .query((rs, i) -> rule(rs))
                .list();
    }

    private Rule insert(RuleCode code, int version, RuleDraft draft, String actor) {
        Instant now = clock.instant();
        LocalDate from = draft.activeFrom() == null ? today() : draft.activeFrom();
        double strength = draft.strength() == null ? RuleDraft.DEFAULT_STRENGTH : draft.strength();
        String owner = draft.owner() == null ? actor : draft.owner();
        jdbc.sql("insert into targeting_rule (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null,"
                        + " null)")
                .params(
                        code.value(),
                        version,
                        draft.name().strip(),
                        owner,
                        draft.scope(),
                        draft.expression(),
                        draft.reasonTemplate(),
                        draft.tradeReason().strip(),
                        strength,
                        from,
                        draft.activeTo(),
                        actor,
                        Timestamp.from(now))
                .update();
        return version(code, version).orElseThrow();
    }

    /** Why a draft's expression, which compiles, fails on every line it is tried on ({@link RuleTrial}). */
    private Optional<RuleProblem> alwaysFails(RuleDraft draft) {
        if (environment.compile(draft.expression()) instanceof RuleEnvironment.Compilation.Compiled compiled) {
            return trial.alwaysFails(compiled.rule(), today());
        }
        return Optional.empty();
    }

    private RuleChange saved(Rule rule) {
        AfterCommit.run(changes::incrementAndGet);
        return new RuleChange.Saved(rule);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Map<String, Object> detail(Rule rule) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", rule.version());
        detail.put("name", rule.name());
        detail.put("owner", rule.owner());
        detail.put("center", rule.center() == null ? null : rule.center().value());
        detail.put("expression", rule.expression());
        detail.put("reasonTemplate", rule.reasonTemplate());
        detail.put("tradeReason", rule.tradeReason());
        detail.put("strength", rule.strength());
        detail.put("activeFrom", rule.activeFrom().toString());
        detail.put("activeTo", rule.activeTo() == null ? null : rule.activeTo().toString());
        return detail;
    }

    private static RuleSuspension suspension(ResultSet rs) throws SQLException {
        Timestamp resumedAt = rs.getTimestamp("resumed_at");
        return new RuleSuspension(
                rs.getLong("id"),
                RuleCode.of(rs.getString("code")),
                rs.getInt("version"),
                rs.getTimestamp("suspended_at").toInstant(),
                rs.getString("cause"),
                rs.getInt("stops"),
                resumedAt == null ? null : resumedAt.toInstant(),
                rs.getString("resumed_by"),
                rs.getString("resume_reason"));
    }

    private static Rule rule(ResultSet rs) throws SQLException {
        String center = rs.getString("center");
        Timestamp retiredAt = rs.getTimestamp("retired_at");
        return new Rule(
                RuleCode.of(rs.getString("code")),
                rs.getInt("version"),
                rs.getString("name"),
                rs.getString("owner"),
                center == null ? null : CenterCode.of(center),
                rs.getString("expression"),
                rs.getString("reason_template"),
                rs.getString("trade_reason"),
                rs.getDouble("strength"),
                rs.getObject("active_from", LocalDate.class),
                rs.getObject("active_to", LocalDate.class),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("retired_by"),
                retiredAt == null ? null : retiredAt.toInstant());
    }
}

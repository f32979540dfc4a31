package io.centerline.targeting.web;

import io.centerline.identity.AuditEntry;
import io.centerline.identity.AuditLog;
import io.centerline.identity.CurrentUser;
import io.centerline.platform.Invalid;
import io.centerline.platform.NotFound;
import io.centerline.platform.Shown;
import io.centerline.reference.CenterCode;
import io.centerline.targeting.rules.BacktestReport;
import io.centerline.targeting.rules.BacktestResult;
import io.centerline.targeting.rules.Backtests;
import io.centerline.targeting.rules.Rule;
import io.centerline.targeting.rules.RuleBook;
import io.centerline.targeting.rules.RuleChange;
import io.centerline.targeting.rules.RuleCode;
import io.centerline.targeting.rules.RuleDraft;
import io.centerline.targeting.rules.RuleFields;
import io.centerline.targeting.rules.RuleProblem;
import io.centerline.targeting.rules.RuleStatistics;
import io.centerline.targeting.rules.Rules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Targeters' CEL rules: the fields they may read, the rules and their versions, retirement, and backtests over the
 * stored entry summaries before a rule is switched on. For targeters and administrators only.
 */
@RestController
@RequestMapping(path = "/api/v1/targeting/rules", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasAnyRole('TARGETER', 'ADMIN')")
@Tag(name = "Targeting rules", description = "CEL rules written by targeters, their versions and backtests")
class RuleController {

    private final Rules rules;
    private final RuleBook book;
    private final Backtests backtests;
    private final AuditLog audit;
    private final Clock clock;

    RuleController(Rules rules, RuleBook book, Backtests backtests, AuditLog audit, Clock clock) {
        this.rules = rules;
        this.book = book;
        this.backtests = backtests;
        this.audit = audit;
        this.clock = clock;
    }

    /** One field of the catalogue. */
    record FieldView(String name, String group, String type, String description) {}

    @Operation(
            summary = "The fields rules may read, with their CEL types",
            description = "Rules are evaluated on each line of an entry summary. A number the line does not declare"
                    + " is unknown: the rule fires only if its outcome does not depend on it.")
    @GetMapping("/fields")
    List<FieldView> fields() {
        return RuleFields.all().stream()
                .map(field ->
                        new FieldView(field.name(), field.group(), field.type().celName(), field.description()))
                .toList();
    }

    /** A rule version as the API shows it, with how it has fared in this instance since it was loaded. */
    record RuleVersionView(
            RuleCode code,
            int version,
            String name,
            String owner,
            String center,
            String expression,
            String reasonTemplate,
            String tradeReason,
            double strength,
            LocalDate activeFrom,
            LocalDate activeTo,

            @Schema(
                    description = "Whether scoring applies this version today: the latest version whose active period"
                            + " holds today, and not suspended")
            boolean inForceToday,

            String createdBy,
            Instant createdAt,
            String retiredBy,
            Instant retiredAt,

            @Schema(
                    description = "How the version has fared in this instance since it loaded the version:"
                            + " the counts start again after a restart, while a suspension is kept")
            RuleStatistics statistics,

            @Schema(description = "The open suspension, kept across restarts and instances; null when none")
            SuspensionView suspension) {}

    /**
     * An open suspension: scoring passes the version by since {@code suspendedAt}, after {@code stops} evaluations
     * were stopped for exceeding the budget, the last for {@code cause}.
     */
    record SuspensionView(Instant suspendedAt, int stops, String cause) {}

    /** A rule: the version in force today (or the latest), every version newest first, and its audit trail. */
    record RuleView(RuleCode code, RuleVersionView current, List<RuleVersionView> versions, List<AuditEntry> trail) {}

    @Operation(
            summary = "List rules with the version in force today (or the latest)",
            description = "active=true keeps rules in force today (a suspended version is not), active=false those"
                    + " that are not; center=BM keeps"
                    + " rules that apply to that Center (its own and those of every Center).")
    @GetMapping
    List<RuleVersionView> list(@RequestParam Optional<Boolean> active, @RequestParam("center") Optional<String> given) {
        Optional<String> center = given.map(CenterCode::written);
        if (center.isPresent() && !rules.isCenter(center.get())) {
            throw new Invalid("center", "CENTER_UNKNOWN", "No Center has the code '" + Shown.value(given.get()) + "'");
        }
        LocalDate today = LocalDate.now(clock);
        Map<RuleCode, List<Rule>> byCode = new LinkedHashMap<>();
        for (Rule rule : rules.all()) {
            byCode.computeIfAbsent(rule.code(), code -> new ArrayList<>()).add(rule);
        }
        List<RuleVersionView> views = new ArrayList<>();
        for (List<Rule> versions : byCode.values()) {
            Rule current = current(versions, today);
            if (center.isPresent() && !current.appliesTo(center.get())) {
                continue;
            }
            RuleVersionView view = view(current, current.inForceOn(today));
            if (active.isPresent() && active.get() != view.inForceToday()) {
                continue;
            }
            views.add(view);
        }
        return views;
    }

    @Operation(summary = "Read a rule with all its versions and its audit trail")
    @GetMapping("/{code}")
    ResponseEntity<?> find(@PathVariable String code) {
        List<Rule> versions = RuleCode.tryParse(code).map(rules::versions).orElse(List.of());
        if (versions.isEmpty()) {
            return notFound(Shown.value(code));
        }
        Rule current = current(versions, LocalDate.now(clock));
        int applying = applyingToday(versions);
        return ResponseEntity.ok(new RuleView(
                current.code(),
                view(current, current.version() == applying),
                versions.stream()
                        .sorted(Comparator.comparingInt(Rule::version).reversed())
                        .map(rule -> view(rule, rule.version() == applying))
                        .toList(),
                audit.forSubject(Rules.AUDIT_SUBJECT, current.code().value())));
    }

    @Operation(summary = "Read one version of a rule")
    @GetMapping("/{code}/versions/{version}")
    ResponseEntity<?> version(@PathVariable String code, @PathVariable int version) {
        return RuleCode.tryParse(code)
                .flatMap(parsed -> rules.version(parsed, version))
                .<ResponseEntity<?>>map(rule -> ResponseEntity.ok(view(rule, appliesToday(rule))))
                .orElseGet(() -> notFound(Shown.value(code) + " version " + version));
    }

    @Operation(
            summary = "Create a rule (version 1)",
            description = "201 with the rule; 422 with every problem (a CEL expression that does not compile comes"
                    + " with CEL's message, line and column); 409 when the code is taken.")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> create(@RequestBody RuleDraft draft) {
        return answer(rules.create(draft, CurrentUser.name()), true);
    }

    @Operation(
            summary = "Store a new version of a rule",
            description = "Parts left out are taken from the latest version. The active period starts on the business"
                    + " date, or where the latest version starts if that is later, unless activeFrom says otherwise;"
                    + " it ends where the latest version ends (unless that is before the new start) unless activeTo"
                    + " says otherwise.")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping(path = "/{code}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> newVersion(@PathVariable String code, @RequestBody RuleDraft draft) {
        return answer(rules.newVersion(code, draft, CurrentUser.name()), true);
    }

    /** The body of a retirement. */
    record Retirement(LocalDate from, String reason) {}

    @Operation(
            summary = "Retire a rule: no version of it is in force from the given date (the business date) on",
            description = "Versions stay as they were; the end of their active period is set.")
    @PostMapping(path = "/{code}/retire")
    ResponseEntity<?> retire(@PathVariable String code, @RequestBody Optional<Retirement> body) {
        return answer(
                rules.retire(
                        code,
                        body.map(Retirement::from).orElse(null),
                        body.map(Retirement::reason).orElse(null),
                        CurrentUser.name()),
                false);
    }

    /** The body of a resumption. */
    record Resumption(String reason) {}

    @Operation(
            summary = "Resume a rule version suspended for exceeding its evaluation budget",
            description = "Scoring evaluates the version again, its counts starting from nothing. 409 when the version"
                    + " is not suspended; 422 without a reason. A new version that costs less is the other way out.")
    @PostMapping(path = "/{code}/versions/{version}/resume")
    ResponseEntity<?> resume(
            @PathVariable String code, @PathVariable int version, @RequestBody Optional<Resumption> body) {
        return answer(
                rules.resume(code, version, body.map(Resumption::reason).orElse(null), CurrentUser.name()), false);
    }

    /** The body of a draft backtest. */
    record DraftBacktest(String expression, Integer days, String center) {}

    @Operation(
            summary = "Backtest a draft expression over the last N days of stored entry summaries",
            description = "Reports how many entries it would have selected, how many of those had been reviewed and"
                    + " how many reviews found something, with the revenue found, per Center.")
    @PostMapping(path = "/backtest", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> backtest(@RequestBody DraftBacktest body) {
        return answer(backtests.draft(body.expression(), body.days(), CenterCode.written(body.center())));
    }

    @Operation(summary = "Backtest a stored rule version over the last N days of stored entry summaries")
    @PostMapping(path = "/{code}/versions/{version}/backtest")
    ResponseEntity<?> backtestVersion(
            @PathVariable String code,
            @PathVariable int version,
            @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String center) {
        return answer(backtests.version(code, version, days, CenterCode.written(center)));
    }

    private ResponseEntity<?> answer(RuleChange change, boolean creates) {
        if (change instanceof RuleChange.Saved saved) {
            Rule rule = saved.rule();
            RuleVersionView view = view(rule, appliesToday(rule));
            return creates
                    ? ResponseEntity.created(URI.create(
                                    "/api/v1/targeting/rules/" + rule.code() + "/versions/" + rule.version()))
                            .body(view)
                    : ResponseEntity.ok(view);
        }
        if (change instanceof RuleChange.Refused refused) {
            return refused(refused.problems());
        }
        if (change instanceof RuleChange.AlreadyExists exists) {
            return error(
                    HttpStatus.CONFLICT,
                    "RULE_EXISTS",
                    "Rule " + exists.code() + " exists already; POST /api/v1/targeting/rules/" + exists.code()
                            + "/versions to change it");
        }
        if (change instanceof RuleChange.NotSuspended idle) {
            return error(
                    HttpStatus.CONFLICT,
                    "RULE_NOT_SUSPENDED",
                    "Rule " + idle.code() + " version " + idle.version() + " is not suspended; there is nothing to"
                            + " resume");
        }
        return notFound(((RuleChange.NotFound) change).code());
    }

    private ResponseEntity<?> answer(BacktestResult result) {
        if (result instanceof BacktestResult.Ran ran) {
            BacktestReport report = ran.report();
            return ResponseEntity.ok(report);
        }
        if (result instanceof BacktestResult.Refused refused) {
            return refused(refused.problems());
        }
        BacktestResult.NotFound missing = (BacktestResult.NotFound) result;
        return notFound(Shown.value(missing.code()) + " version " + missing.version());
    }

    /**
     * A version as the API shows it; {@code inForceToday} when scoring applies it today: it is the version whose period
     * holds today ({@code appliesByPeriod}) and it is not suspended.
     */
    private RuleVersionView view(Rule rule, boolean appliesByPeriod) {
        SuspensionView suspension = rules.openSuspension(rule.code(), rule.version())
                .map(open -> new SuspensionView(open.suspendedAt(), open.stops(), open.cause()))
                .orElse(null);
        return new RuleVersionView(
                rule.code(),
                rule.version(),
                rule.name(),
                rule.owner(),
                rule.center() == null ? null : rule.center().value(),
                rule.expression(),
                rule.reasonTemplate(),
                rule.tradeReason(),
                rule.strength(),
                rule.activeFrom(),
                rule.activeTo(),
                appliesByPeriod && suspension == null,
                rule.createdBy(),
                rule.createdAt(),
                rule.retiredBy(),
                rule.retiredAt(),
                book.statistics(rule.code(), rule.version()),
                suspension);
    }

    /** Whether a version is the one scoring applies today. */
    private boolean appliesToday(Rule rule) {
        return applyingToday(rules.versions(rule.code())) == rule.version();
    }

    /** The version scoring applies today, the one that governs today if its period holds it; -1 when none does. */
    private int applyingToday(List<Rule> versions) {
        LocalDate today = LocalDate.now(clock);
        Rule current = current(versions, today);
        return current.inForceOn(today) ? current.version() : -1;
    }

    /** The version that governs today, in force or ended, or else (none started yet) the latest. */
    private static Rule current(List<Rule> versions, LocalDate today) {
        return Rule.governing(versions, today)
                .orElse(versions.stream()
                        .max(Comparator.comparingInt(Rule::version))
                        .orElseThrow());
    }

    private static ResponseEntity<?> refused(List<RuleProblem> problems) {
        List<Map<String, Object>> errors = problems.stream()
                .map(problem -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("field", problem.field());
                    error.put("code", problem.code());
                    error.put("message", problem.message());
                    if (problem.line() != null) {
                        error.put("line", problem.line());
                        error.put("column", problem.column());
                        error.put("snippet", problem.snippet());
                    }
                    return error;
                })
                .toList();
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("errors", errors));
    }

    /** Answered 404 in the API's error shape, as every missing thing is ({@link NotFound}). */
    private static ResponseEntity<?> notFound(String what) {
        throw new NotFound("RULE_NOT_FOUND", "There is no rule " + what);
    }

    private static ResponseEntity<?> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("errors", List.of(Map.of("code", code, "message", message))));
    }
}

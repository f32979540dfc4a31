package io.centerline.targeting.web;

import io.centerline.entries.EntryNumber;
import io.centerline.identity.CurrentUser;
import io.centerline.platform.Invalid;
import io.centerline.platform.NotFound;
import io.centerline.platform.Shown;
import io.centerline.reference.CenterCode;
import io.centerline.targeting.AssessmentWords;
import io.centerline.targeting.Capacities;
import io.centerline.targeting.Capacity;
import io.centerline.targeting.Effectiveness;
import io.centerline.targeting.EntryKey;
import io.centerline.targeting.Outcomes;
import io.centerline.targeting.ReviewOutcome;
import io.centerline.targeting.RiskAssessments;
import io.centerline.targeting.Scoring;
import io.centerline.targeting.WeekSelections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Review outcomes, each Center's review capacity, effectiveness figures and the assessment of an entry summary. */
@RestController
@RequestMapping("/api/v1/targeting")
@Tag(name = "Targeting", description = "Outcomes, capacity, effectiveness and risk assessments")
class TargetingController {

    static final String TARGETERS = "hasAnyRole('ADMIN', 'TARGETER')";
    private static final String REVIEWERS = "hasAnyRole('ADMIN', 'TARGETER', 'SPECIALIST', 'SUPERVISOR')";
    /** Who records review outcomes: those who review, and targeters; administrators load reference data only. */
    private static final String RECORDS_OUTCOMES = "hasAnyRole('TARGETER', 'SPECIALIST', 'SUPERVISOR')";

    private static final String READS_CAPACITY = "hasAnyRole('ADMIN', 'TARGETER', 'SUPERVISOR')";

    /** Who sets a Center's review capacity: targeters and supervisors, who plan the review work. */
    private static final String SETS_CAPACITY = "hasAnyRole('TARGETER', 'SUPERVISOR')";

    private final Outcomes outcomes;
    private final Capacities capacities;
    private final Effectiveness effectiveness;
    private final RiskAssessments assessments;
    private final AssessmentWords words;
    private final Scoring scoring;
    private final WeekSelections weeks;
    private final Clock clock;

    TargetingController(
            Outcomes outcomes,
            Capacities capacities,
            Effectiveness effectiveness,
            RiskAssessments assessments,
            AssessmentWords words,
            Scoring scoring,
            WeekSelections weeks,
            Clock clock) {
        this.outcomes = outcomes;
        this.capacities = capacities;
        this.effectiveness = effectiveness;
        this.assessments = assessments;
        this.words = words;
        this.scoring = scoring;
        this.weeks = weeks;
        this.clock = clock;
    }

    @Operation(summary = "Record what the review of an entry summary found")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping("/outcomes")
    @PreAuthorize(RECORDS_OUTCOMES)
    ResponseEntity<ReviewOutcome> record(@RequestBody Outcomes.Report report) {
        return ResponseEntity.status(HttpStatus.CREATED).body(outcomes.record(report, CurrentUser.name()));
    }

    @Operation(
            summary = "The review outcome of an entry summary version",
            description = "The entry number with or without dashes, in any case.")
    @GetMapping("/outcomes/{entryNumber}/{version}")
    @PreAuthorize(REVIEWERS)
    ResponseEntity<ReviewOutcome> outcome(@PathVariable String entryNumber, @PathVariable int version) {
        return ResponseEntity.ok(key(entryNumber, version)
                .flatMap(outcomes::find)
                .orElseThrow(() -> new NotFound(
                        "OUTCOME_NOT_FOUND",
                        "No review outcome is on file for " + Shown.value(entryNumber) + " v" + version)));
    }

    @Operation(
            summary = "The risk assessment of an entry summary version, with every finding",
            description = "The entry number with or without dashes, in any case.")
    @GetMapping("/assessments/{entryNumber}/{version}")
    @PreAuthorize(REVIEWERS)
    ResponseEntity<AssessmentWords.Worded> assessment(@PathVariable String entryNumber, @PathVariable int version) {
        return ResponseEntity.ok(key(entryNumber, version)
                .flatMap(assessments::find)
                .map(words::worded)
                .orElseThrow(() -> new NotFound(
                        "ASSESSMENT_NOT_FOUND",
                        "No risk assessment is on file for " + Shown.value(entryNumber) + " v" + version)));
    }

    /**
     * The entry summary version a path names, its number read as intake reads it (with or without dashes, in any case);
     * a malformed number names none, so that it is answered as one not on file.
     */
    private static Optional<EntryKey> key(String entryNumber, int version) {
        return EntryNumber.tryParse(entryNumber).map(number -> new EntryKey(number.value(), version));
    }

    /** A Center's capacity now and the history of its settings. */
    record CapacityView(String center, Capacity inForce, List<Capacity> queues, List<Capacity> history) {}

    @Operation(summary = "A Center's review capacity: what is in force and every earlier setting")
    @GetMapping("/capacity/{center}")
    @PreAuthorize(READS_CAPACITY)
    CapacityView capacity(@PathVariable("center") String code) {
        String center = CenterCode.written(code);
        if (!capacities.isCenter(center)) {
            throw new NotFound("CENTER_NOT_FOUND", "No Center has the code " + Shown.value(center));
        }
        LocalDate today = LocalDate.now(clock);
        return new CapacityView(
                center, capacities.on(center, today), capacities.current(center, today), capacities.history(center));
    }

    /**
     * The body of a capacity setting. The items a week are read as a whole number of any size, so that one too large
     * for the service's numbers is refused for its range, as any other out of range is.
     */
    record CapacitySetting(
            String queue,
            BigInteger itemsPerWeek,
            Double controlShare,
            Double trustedPartnerFactor,
            LocalDate effectiveFrom) {}

    @Operation(summary = "Set a Center's review capacity for a queue, from a date on")
    @PutMapping("/capacity/{center}")
    @PreAuthorize(SETS_CAPACITY)
    Capacity setCapacity(@PathVariable("center") String code, @RequestBody CapacitySetting body) {
        String center = CenterCode.written(code);
        if (!capacities.isCenter(center)) {
            // refused before any setting is read, so that no code of no Center is looked up, or kept, as one
            throw new Invalid("center", "CENTER_UNKNOWN", "No Center has the code " + Shown.value(center));
        }
        if (body.itemsPerWeek() == null) {
            throw new Invalid("itemsPerWeek", "REQUIRED", "A capacity needs itemsPerWeek, the review items a week");
        }
        int items = Capacity.itemsPerWeek(body.itemsPerWeek());
        // the queue as written, which the setting keeps in lower case and a refusal shows as it was sent
        String queue = Optional.ofNullable(body.queue()).orElse(Capacities.REVIEW_QUEUE);
        LocalDate from = Optional.ofNullable(body.effectiveFrom()).orElse(LocalDate.now(clock));
        Capacity current = capacities.queueOn(center, Capacities.queueName(queue), from);
        Capacity wanted = new Capacity(
                center,
                queue,
                items,
                Optional.ofNullable(body.controlShare()).orElse(current.controlShare()),
                Optional.ofNullable(body.trustedPartnerFactor()).orElse(current.trustedPartnerFactor()),
                from,
                CurrentUser.name());
        Capacity stored = capacities.set(wanted, CurrentUser.name());
        if (!from.isAfter(LocalDate.now(clock))) {
            // a raise in force while the week runs frees items for the summaries it turned away
            scoring.fillFreedItems(stored.center());
        }
        return stored;
    }

    @Operation(
            summary = "A Center-week's selections: its capacity and items, what it scored and what it selected",
            description = "The week (Monday to Sunday, by entry date) holding `week`, the business date's when left"
                    + " out, under the capacity in force at its end (today while it runs); its selections for risk"
                    + " first, the riskiest first, then those for the control sample, each with its review outcome"
                    + " if recorded; at most `limit` of them (500 unless asked, at most 5,000), `truncated` saying"
                    + " whether the week holds more.")
    @GetMapping("/selections/{center}")
    @PreAuthorize(REVIEWERS)
    WeekSelections.Week selections(
            @PathVariable("center") String code,
            @RequestParam Optional<LocalDate> week,
            @RequestParam Optional<Integer> limit) {
        String center = CenterCode.written(code);
        if (!capacities.isCenter(center)) {
            throw new NotFound("CENTER_NOT_FOUND", "No Center has the code " + Shown.value(center));
        }
        int listed = limit.orElse(WeekSelections.DEFAULT_LIMIT);
        if (listed < 0 || listed > WeekSelections.MAX_LIMIT) {
            throw new Invalid(
                    "limit",
                    "LIMIT_RANGE",
                    "A week's answer lists 0 to " + WeekSelections.MAX_LIMIT + " selections, not " + listed);
        }
        return weeks.of(center, week.orElse(LocalDate.now(clock)), listed);
    }

    @Operation(summary = "Effectiveness of rules, detectors, the model and the control sample per Center and month")
    @GetMapping("/effectiveness")
    @PreAuthorize(TARGETERS)
    List<Effectiveness.Figures> effectiveness(
            @RequestParam Optional<LocalDate> from,
            @RequestParam Optional<LocalDate> to,
            @RequestParam Optional<String> center,
            @RequestParam Optional<String> code) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from.orElse(today.minusMonths(12));
        LocalDate end = to.orElse(today);
        if (start.isAfter(end)) {
            throw new Invalid("from", "PERIOD_ORDER", "The period starts (" + start + ") after it ends (" + end + ")");
        }
        Optional<String> centerCode = center.map(CenterCode::written);
        if (centerCode.isPresent() && !capacities.isCenter(centerCode.get())) {
            throw new Invalid("center", "CENTER_UNKNOWN", "No Center has the code '" + Shown.value(center.get()) + "'");
        }
        return effectiveness.between(start, end, centerCode.orElse(null), code.orElse(null));
    }

    @ExceptionHandler(Outcomes.Refused.class)
    ResponseEntity<Map<String, Object>> refused(Outcomes.Refused e) {
        return ResponseEntity.status(e.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(Map.of(
                        "errors", List.of(Map.of("code", e.code(), "field", e.field(), "message", e.getMessage()))));
    }
}

package io.centerline.entries.web;

import io.centerline.entries.EntryNumber;
import io.centerline.entries.EntrySummaries;
import io.centerline.entries.EntrySummaryIntake;
import io.centerline.entries.EntrySummaryView;
import io.centerline.entries.IntakeError;
import io.centerline.entries.IntakeOutcome;
import io.centerline.entries.IntakeReport;
import io.centerline.entries.RiskReadout;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.intake.IntakeFormat;
import io.centerline.entries.intake.SummaryReader;
import io.centerline.identity.CurrentUser;
import io.centerline.platform.NotFound;
import io.centerline.platform.Shown;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Entry summary intake and read-back over HTTP. */
@RestController
@RequestMapping("/api/v1/entry-summaries")
@Tag(name = "Entry summaries", description = "Intake in JSON, NDJSON, CSV and CATAIR AE form; read-back")
class EntrySummaryController {

    private final EntrySummaryIntake intake;
    private final EntrySummaries summaries;

    EntrySummaryController(EntrySummaryIntake intake, EntrySummaries summaries) {
        this.intake = intake;
        this.summaries = summaries;
    }

    @Operation(
            summary = "Submit one entry summary",
            description =
                    "201 with the stored summary when accepted, 200 with the stored one for an exact"
                            + " duplicate (409 when another account filed it), 409 when it differs from the stored summary of the same"
                            + " number (flag it as a post-summary correction to add a version), 422 with every error when invalid.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = SubmittedEntrySummary.class))),
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "Accepted and stored",
                        content = @Content(schema = @Schema(implementation = EntrySummaryView.class))),
                @ApiResponse(
                        responseCode = "200",
                        description = "An exact duplicate of the stored summary, which is answered",
                        content = @Content(schema = @Schema(implementation = EntrySummaryView.class))),
                @ApiResponse(
                        responseCode = "409",
                        description = "ENTRY_CONFLICT: a different summary is stored under the number;"
                                + " ENTRY_ON_FILE_FROM_ANOTHER_FILER: the same summary is stored, filed through"
                                + " another account, which alone reads it back"),
                @ApiResponse(responseCode = "422", description = "Invalid: every error, by line and field"),
                @ApiResponse(responseCode = "400", description = "UNREADABLE_BODY"),
                @ApiResponse(responseCode = "413", description = "BODY_TOO_LARGE: over 4 MiB"),
                @ApiResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE")
            })
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> submit(@RequestBody String body) {
        IntakeOutcome outcome = intake.submitJson(body, CurrentUser.name());
        if (outcome instanceof IntakeOutcome.Accepted accepted) {
            EntrySummaryView view = summaries
                    .find(accepted.entryNumber(), accepted.version(), audience())
                    .orElseThrow();
            return ResponseEntity.created(URI.create("/api/v1/entry-summaries/" + accepted.entryNumber()))
                    .body(view);
        }
        if (outcome instanceof IntakeOutcome.Duplicate duplicate) {
            return ResponseEntity.ok(summaries
                    .find(duplicate.entryNumber(), duplicate.version(), audience())
                    .orElseThrow());
        }
        IntakeOutcome.Rejected rejected = (IntakeOutcome.Rejected) outcome;
        return ResponseEntity.status(rejected.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(Map.of("errors", errors(rejected)));
    }

    @Operation(
            summary = "Submit a batch of entry summaries",
            description = "application/x-ndjson (one JSON summary per line), text/csv (one row per line item) or"
                    + " text/plain with format=catair-ae (ABI fixed-width). Valid summaries are stored and invalid"
                    + " ones reported with their position in the batch.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
                                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                                @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string"))
                            }),
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "{\"intakeBatch\": id, \"accepted\": n, \"duplicates\": n, \"rejected\":"
                                + " [{\"record\", \"fileLine\", \"entryNumber\", \"errors\"}]}: intakeBatch is the id"
                                + " of the batch's audit trail (GET /api/v1/audit/intake-batch/{id}); fileLine is where"
                                + " the rejected record starts in the body (an NDJSON line, a summary's first CSV row,"
                                + " an AE transaction's first record)"),
                @ApiResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE")
            })
    @PostMapping(
            path = "/batches",
            consumes = {"application/x-ndjson", "text/csv", MediaType.TEXT_PLAIN_VALUE, "application/jsonl"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> batch(HttpServletRequest request, @RequestParam Optional<String> format) throws IOException {
        IntakeFormat intakeFormat = format.map(IntakeFormat::parse).orElseGet(() -> formatOf(request.getContentType()));
        try (SummaryReader reader = intake.reader(intakeFormat, request.getInputStream())) {
            IntakeReport report = intake.ingest(reader, CurrentUser.name());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("intakeBatch", report.intakeBatch());
            body.put("accepted", report.accepted());
            body.put("duplicates", report.duplicates());
            body.put(
                    "rejected",
                    report.rejected().stream()
                            .map(r -> {
                                Map<String, Object> rejection = new LinkedHashMap<>();
                                rejection.put("record", r.position());
                                rejection.put("fileLine", r.fileLine() > 0 ? r.fileLine() : null);
                                rejection.put("entryNumber", r.entryNumber());
                                rejection.put("errors", errors(r));
                                return rejection;
                            })
                            .toList());
            return body;
        }
    }

    @Operation(summary = "Read back an entry summary", description = "The current version unless one is asked for.")
    @GetMapping(path = "/{entryNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EntrySummaryView> find(@PathVariable String entryNumber, @RequestParam Optional<Integer> version) {
        return visible(entryNumber)
                .flatMap(number -> summaries.find(number, version.orElse(null), audience()))
                .map(ResponseEntity::ok)
                .orElseThrow(() -> notFound(entryNumber, version));
    }

    @Operation(summary = "List the versions of an entry summary")
    @GetMapping(path = "/{entryNumber}/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<EntrySummaryView.VersionView>> versions(@PathVariable String entryNumber) {
        return visible(entryNumber)
                .flatMap(number -> summaries.find(number, null))
                .map(view -> ResponseEntity.ok(view.versions()))
                .orElseThrow(() -> notFound(entryNumber, Optional.empty()));
    }

    /** Not on file, or not the asker's to read: the answer is the same, so that it tells nothing of others' entries. */
    private static NotFound notFound(String entryNumber, Optional<Integer> version) {
        return new NotFound(
                "ENTRY_SUMMARY_NOT_FOUND",
                "No entry summary " + Shown.value(entryNumber)
                        + version.map(v -> " version " + v).orElse("") + " is on file for you to read.");
    }

    private static RiskReadout.Audience audience() {
        return CurrentUser.isCbpStaff() ? RiskReadout.Audience.CBP : RiskReadout.Audience.TRADE;
    }

    /** The entry number if it is well formed and the user may see it; a filer sees only what it submitted. */
    private Optional<EntryNumber> visible(String text) {
        return EntryNumber.tryParse(text)
                .filter(number -> CurrentUser.isCbpStaff() || summaries.submittedBy(number, CurrentUser.name()));
    }

    private static IntakeFormat formatOf(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase();
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")) {
            return IntakeFormat.JSONL;
        }
        if (type.startsWith("text/csv")) {
            return IntakeFormat.CSV;
        }
        throw new IllegalArgumentException("A text/plain batch needs ?format=catair-ae (or jsonl, csv)");
    }

    private static List<Map<String, Object>> errors(IntakeOutcome.Rejected rejected) {
        return rejected.errors().stream()
                .map(e -> error(rejected.position(), e))
                .toList();
    }

    private static Map<String, Object> error(int record, IntakeError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("record", record);
        body.put("line", error.line());
        body.put("field", error.field());
        body.put("code", error.code());
        body.put("message", error.message());
        return body;
    }
}

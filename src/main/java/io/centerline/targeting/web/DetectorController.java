package io.centerline.targeting.web;

import io.centerline.identity.CurrentUser;
import io.centerline.platform.Invalid;
import io.centerline.platform.NotFound;
import io.centerline.platform.Shown;
import io.centerline.targeting.detectors.DetectorCatalogue;
import io.centerline.targeting.detectors.DetectorCatalogue.DetectorView;
import io.centerline.targeting.detectors.DetectorCatalogue.ListVersion;
import io.centerline.targeting.detectors.EntityListCsv;
import io.centerline.targeting.detectors.EntityListDraft;
import io.centerline.targeting.detectors.EntityListLoad;
import io.centerline.targeting.detectors.ForcedLabourList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The detector catalogue for targeters and administrators: each detector with its switch and thresholds, which they
 * may change; and the forced-labour entity list, which administrators replace.
 */
@RestController
@RequestMapping("/api/v1/targeting/detectors")
@Tag(name = "Targeting detectors")
@PreAuthorize("hasAnyRole('TARGETER', 'ADMIN')")
class DetectorController {

    private final DetectorCatalogue catalogue;
    private final Clock clock;

    DetectorController(DetectorCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Operation(summary = "Every detector: its code, name, description, whether it is on, and its thresholds")
    @GetMapping
    List<DetectorView> detectors() {
        return catalogue.detectors();
    }

    @Operation(summary = "One detector")
    @GetMapping("/{code}")
    ResponseEntity<?> detector(@PathVariable String code) {
        return catalogue
                .detector(code)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> unknown(code));
    }

    /** A change of a detector: {@code enabled} and each threshold are left as they are when absent. */
    record DetectorChange(Boolean enabled, Map<String, Double> thresholds) {}

    @Operation(
            summary = "Switch a detector on or off and set some of its thresholds",
            description = "Thresholds not named keep their values; an unknown threshold or a value out of its bounds"
                    + " refuses the whole change. The change is stored and audited.")
    @PutMapping("/{code}")
    ResponseEntity<?> change(@PathVariable String code, @RequestBody DetectorChange body) {
        if (body == null
                || (body.enabled() == null
                        && (body.thresholds() == null || body.thresholds().isEmpty()))) {
            throw new Invalid("CHANGE_REQUIRED", "A change needs enabled, thresholds or both");
        }
        return catalogue
                .change(code, body.enabled(), body.thresholds(), CurrentUser.name())
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> unknown(code));
    }

    @Operation(summary = "The forced-labour entity list in force on a date (today by default), with its entities")
    @GetMapping("/forced-labour/entities")
    ResponseEntity<ForcedLabourList> entities(@RequestParam Optional<LocalDate> date) {
        LocalDate on = date.orElseGet(() -> LocalDate.now(clock));
        return catalogue
                .listInForce(on)
                .map(ResponseEntity::ok)
                .orElseThrow(() ->
                        new NotFound("ENTITY_LIST_NOT_FOUND", "No forced-labour entity list is in force on " + on));
    }

    @Operation(summary = "Every version of the forced-labour entity list, oldest first, without the entities")
    @GetMapping("/forced-labour/entities/versions")
    List<ListVersion> entityListVersions() {
        return catalogue.listVersions();
    }

    /** A replacement entity list as JSON. */
    record NewList(LocalDate effectiveFrom, String note, List<Entity> entities) {

        record Entity(String name, String country, String sector, String note) {}
    }

    @Operation(
            summary = "Replace the forced-labour entity list (JSON)",
            description = "The whole list is replaced from effectiveFrom (today by default), which may lie neither"
                    + " before today nor before the latest version's date; earlier versions are kept for entries of"
                    + " their dates. Every entity is checked and nothing is stored when anything is wrong: each"
                    + " problem is answered with the entity's position (record, from 1) and field.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "422", description = "Refused, with every problem")
    @PostMapping(path = "/forced-labour/entities", consumes = "application/json")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<?> replaceEntities(@RequestBody NewList body) {
        List<EntityListDraft.Entity> entities = body.entities() == null
                ? List.of()
                : body.entities().stream()
                        .map(e -> e == null
                                ? null
                                : new EntityListDraft.Entity(e.name(), e.country(), e.sector(), e.note()))
                        .toList();
        return answer(catalogue.replaceList(
                new EntityListDraft(
                        body.effectiveFrom() == null ? LocalDate.now(clock) : body.effectiveFrom(),
                        body.note(),
                        entities),
                CurrentUser.name()));
    }

    @Operation(
            summary = "Replace the forced-labour entity list (CSV with the header name,country,sector,note)",
            description = "As the JSON form; the effective date and a note come as query parameters.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "422", description = "Refused, with every problem")
    @PostMapping(path = "/forced-labour/entities", consumes = "text/csv")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<?> replaceEntitiesFromCsv(
            @RequestBody String csv,
            @RequestParam Optional<LocalDate> effectiveFrom,
            @RequestParam Optional<String> note) {
        return answer(catalogue.replaceList(
                new EntityListDraft(
                        effectiveFrom.orElseGet(() -> LocalDate.now(clock)),
                        note.orElse(null),
                        EntityListCsv.rows(new StringReader(csv))),
                CurrentUser.name()));
    }

    /** A stored list answers 201 with its version; a refused one 422 with every problem, each entity's by position. */
    private static ResponseEntity<?> answer(EntityListLoad load) {
        if (load instanceof EntityListLoad.Loaded loaded) {
            ForcedLabourList list = loaded.list();
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new ListVersion(
                            list.version(),
                            list.effectiveFrom(),
                            list.loadedAt(),
                            list.loadedBy(),
                            list.note(),
                            list.entities().size()));
        }
        List<Map<String, Object>> errors = ((EntityListLoad.Refused) load)
                .problems().stream()
                        .map(problem -> {
                            Map<String, Object> error = new LinkedHashMap<>();
                            if (problem.entity() != null) {
                                error.put("record", problem.entity());
                            }
                            error.put("field", problem.field());
                            error.put("code", problem.code());
                            error.put("message", problem.message());
                            return error;
                        })
                        .toList();
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("errors", errors));
    }

    /** Answered 404 in the API's error shape, as every missing thing is ({@link NotFound}). */
    private static ResponseEntity<?> unknown(String code) {
        throw new NotFound("UNKNOWN_DETECTOR", "There is no detector '" + Shown.value(code) + "'");
    }
}

package io.centerline.reference.web;

import io.centerline.identity.CurrentUser;
import io.centerline.platform.Invalid;
import io.centerline.platform.NotFound;
import io.centerline.platform.Shown;
import io.centerline.reference.AdcvdOrder;
import io.centerline.reference.Center;
import io.centerline.reference.CenterCode;
import io.centerline.reference.EntryType;
import io.centerline.reference.FeeSchedule;
import io.centerline.reference.HtsCenterMap;
import io.centerline.reference.HtsCenterRange;
import io.centerline.reference.Port;
import io.centerline.reference.ReferenceData;
import io.centerline.reference.StatutoryPeriod;
import io.centerline.reference.ValueLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reference data, readable by every user; a new HTS-to-Center map is loaded by an administrator. */
@RestController
@RequestMapping("/api/v1/reference")
@Tag(name = "Reference data")
class ReferenceController {

    private final ReferenceData reference;
    private final Clock clock;

    ReferenceController(ReferenceData reference, Clock clock) {
        this.reference = reference;
        this.clock = clock;
    }

    @GetMapping("/centers")
    List<Center> centers() {
        return reference.centers();
    }

    @GetMapping("/ports")
    List<Port> ports() {
        return reference.ports();
    }

    @GetMapping("/countries")
    Map<String, String> countries() {
        return reference.countries();
    }

    @GetMapping("/entry-types")
    List<EntryType> entryTypes() {
        return reference.entryTypes();
    }

    @GetMapping("/fee-schedules")
    List<FeeSchedule> feeSchedules() {
        return reference.feeSchedules();
    }

    @GetMapping("/statutory-periods")
    List<StatutoryPeriod> statutoryPeriods() {
        return reference.statutoryPeriods();
    }

    @Operation(summary = "Amounts that decide how an entry may be filed (the informal entry limit), by effective date")
    @GetMapping("/value-limits")
    List<ValueLimit> valueLimits() {
        return reference.valueLimits();
    }

    @Operation(summary = "Every AD/CVD order with its scope (HTS prefixes, country) and dates, oldest first")
    @GetMapping("/adcvd-orders")
    List<AdcvdOrder> adcvdOrders() {
        return reference.adcvdOrders();
    }

    @Operation(
            summary = "The HTS-heading-to-Center map that routes entries of a date (today by default)",
            description = "The map in force on the date; for a date before the first map on file, the first map,"
                    + " which routes the entries of those years.")
    @GetMapping("/hts-center-map")
    ResponseEntity<HtsCenterMap> map(@RequestParam Optional<LocalDate> date) {
        LocalDate on = date.orElseGet(() -> LocalDate.now(clock));
        return reference
                .mapRouting(on)
                .map(ReferenceController::asTheReaderMaySeeIt)
                .map(ResponseEntity::ok)
                .orElseThrow(
                        () -> new NotFound("HTS_CENTER_MAP_NOT_FOUND", "No HTS-to-Center map is in force on " + on));
    }

    @Operation(summary = "Every version of the HTS-heading-to-Center map")
    @GetMapping("/hts-center-map/versions")
    List<HtsCenterMap> mapVersions() {
        return reference.mapHistory().stream()
                .map(ReferenceController::asTheReaderMaySeeIt)
                .toList();
    }

    /** A map version as the signed-in user may read it: the trade reads it without the names of CBP's staff. */
    private static HtsCenterMap asTheReaderMaySeeIt(HtsCenterMap map) {
        return CurrentUser.isCbpStaff() ? map : map.withoutStaffNames();
    }

    /** Why a map version is withdrawn. */
    record MapWithdrawal(String reason) {}

    @Operation(
            summary = "Withdraw a version of the HTS-to-Center map before its effective date",
            description = "The version stays on file with the withdrawal and routes nothing; 409 when it has taken"
                    + " effect (replace it by a later version instead) or was withdrawn already.")
    @PostMapping("/hts-center-map/versions/{version}/withdraw")
    HtsCenterMap withdrawMap(@PathVariable int version, @RequestBody Optional<MapWithdrawal> body) {
        return reference.withdrawMap(version, body.map(MapWithdrawal::reason).orElse(null), CurrentUser.name());
    }

    /** A replacement map: complete, in force from a date later than every earlier version's. */
    record NewMap(LocalDate effectiveFrom, String note, List<Range> ranges) {

        record Range(String headingFrom, String headingTo, String center, String description) {}
    }

    @Operation(
            summary = "Load a replacement HTS-to-Center map",
            description = "The map must be complete and take effect after the latest version; earlier versions are"
                    + " kept and go on routing entries of their dates.")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping("/hts-center-map")
    ResponseEntity<HtsCenterMap> loadMap(@RequestBody NewMap body) {
        if (body.effectiveFrom() == null) {
            throw new Invalid("REQUIRED", "A map needs its effectiveFrom date");
        }
        List<HtsCenterRange> ranges = new ArrayList<>();
        List<NewMap.Range> given = body.ranges() == null ? List.of() : body.ranges();
        for (int i = 0; i < given.size(); i++) {
            NewMap.Range r = given.get(i);
            if (r == null) {
                throw new Invalid(
                        "HTS_CENTER_MAP_RANGES",
                        "Range " + (i + 1) + " is empty: each range needs its headingFrom, headingTo and center");
            }
            // a Center code in any case, as overrides and rule lists read it
            String center = CenterCode.written(r.center());
            String field = "ranges[" + i + "].center";
            String range = "Range " + (i + 1) + " (headings " + Shown.value(r.headingFrom()) + "-"
                    + Shown.value(r.headingTo()) + ")";
            if (center == null || center.isEmpty()) {
                throw new Invalid(field, "REQUIRED", range + " needs the code of its Center");
            }
            if (!reference.isCenter(center)) {
                throw new Invalid(
                        field, "CENTER_UNKNOWN", range + ": no Center has the code '" + Shown.value(r.center()) + "'");
            }
            try {
                ranges.add(new HtsCenterRange(r.headingFrom(), r.headingTo(), CenterCode.of(center), r.description()));
            } catch (IllegalArgumentException e) {
                throw new Invalid("HTS_CENTER_MAP_RANGES", e.getMessage());
            }
        }
        HtsCenterMap map = reference.loadMap(body.effectiveFrom(), ranges, CurrentUser.name(), body.note());
        return ResponseEntity.status(HttpStatus.CREATED).body(map);
    }
}

package io.centerline.accounts.web;

import io.centerline.accounts.AccountView;
import io.centerline.accounts.Accounts;
import io.centerline.accounts.ImporterNumber;
import io.centerline.identity.CurrentUser;
import io.centerline.identity.Role;
import io.centerline.platform.Invalid;
import io.centerline.platform.NotFound;
import io.centerline.reference.CenterCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Importer accounts: their Center, its basis and history, overrides and trusted-partner status. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Importer accounts and their Center assignment")
class AccountController {

    private static final String IMPORTER_NUMBER = "importerNumber";

    private static final String MANAGES_ACCOUNTS = "hasAnyRole('ADMIN', 'ACCOUNT_MANAGER', 'SUPERVISOR')";

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(
            summary = "Read an account: its Center, each Center's share of its trade, and the assignment history",
            description = "400 IMPORTER_NUMBER_FORMAT for an importer number of none of the three forms, as intake"
                    + " reports it; 404 ACCOUNT_NOT_FOUND for one not on file, or not filed for by the filer asking.")
    @GetMapping("/{importerNumber}")
    ResponseEntity<AccountView> find(@PathVariable String importerNumber) {
        ImporterNumber importer = importerNumber(importerNumber);
        return Optional.of(importer)
                .filter(number -> CurrentUser.isCbpStaff()
                        || (CurrentUser.hasAnyRole(Role.FILER) && accounts.filedBy(number, CurrentUser.name())))
                .flatMap(accounts::find)
                .map(view -> CurrentUser.isCbpStaff() ? view : view.withoutUserNames())
                .map(ResponseEntity::ok)
                .orElseThrow(() -> new NotFound(
                        "ACCOUNT_NOT_FOUND", "No importer account " + importer + " is on file for you to read."));
    }

    /** The body of an account creation. */
    record NewAccount(String importerNumber) {}

    @Operation(summary = "Create an account ahead of its first entry summary")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    @PreAuthorize(MANAGES_ACCOUNTS)
    ResponseEntity<AccountView> create(@RequestBody NewAccount body) {
        ImporterNumber importer = importerNumber(body.importerNumber());
        boolean created = accounts.create(importer, CurrentUser.name());
        AccountView view = accounts.find(importer).orElseThrow();
        return created
                ? ResponseEntity.created(URI.create("/api/v1/accounts/" + importer))
                        .body(view)
                : ResponseEntity.ok(view);
    }

    /** The body of a Center override. */
    record CenterOverride(String center, String reason) {}

    @Operation(summary = "Place an account with a Center whatever its trade says, with a written reason")
    @PostMapping("/{importerNumber}/center-override")
    @PreAuthorize(MANAGES_ACCOUNTS)
    AccountView override(@PathVariable String importerNumber, @RequestBody CenterOverride body) {
        if (body.center() == null || body.center().isBlank()) {
            throw new Invalid("REQUIRED", "The override needs the Center's code");
        }
        CenterCode center;
        try {
            // written in any case, as intake reads codes
            center = CenterCode.of(CenterCode.written(body.center()));
        } catch (IllegalArgumentException e) {
            throw new Invalid("CENTER_UNKNOWN", e.getMessage());
        }
        return accounts.override(importerNumber(importerNumber), center, body.reason(), CurrentUser.name());
    }

    /** The body of lifting an override. */
    record LiftOverride(String reason) {}

    @Operation(summary = "Lift a Center override: the account follows its trade again")
    @DeleteMapping("/{importerNumber}/center-override")
    @PreAuthorize(MANAGES_ACCOUNTS)
    AccountView lift(@PathVariable String importerNumber, @RequestBody Optional<LiftOverride> body) {
        return accounts.liftOverride(
                importerNumber(importerNumber), body.map(LiftOverride::reason).orElse(null), CurrentUser.name());
    }

    /** The body of a trusted-partner record. */
    record TrustedPartner(String program, LocalDate from, LocalDate to) {}

    @Operation(summary = "Record trusted-partner status (CTPAT_TRADE_COMPLIANCE) for a period")
    @PostMapping("/{importerNumber}/trusted-partner")
    @PreAuthorize(MANAGES_ACCOUNTS)
    AccountView trustedPartner(@PathVariable String importerNumber, @RequestBody TrustedPartner body) {
        return accounts.recordTrustedPartner(
                importerNumber(importerNumber),
                body.program() == null ? "CTPAT_TRADE_COMPLIANCE" : body.program(),
                body.from(),
                body.to(),
                CurrentUser.name());
    }

    /** The body of ending trusted-partner status: its last day (today when left out) and why. */
    record EndTrustedPartner(LocalDate on, String reason) {}

    @Operation(
            summary = "End trusted-partner status (a suspension or withdrawal) on a date, with a written reason",
            description = "Closes the period in force on the date, or the open-ended one; 409 when none runs past it.")
    @PostMapping("/{importerNumber}/trusted-partner/end")
    @PreAuthorize(MANAGES_ACCOUNTS)
    AccountView endTrustedPartner(@PathVariable String importerNumber, @RequestBody EndTrustedPartner body) {
        return accounts.endTrustedPartner(importerNumber(importerNumber), body.on(), body.reason(), CurrentUser.name());
    }

    /**
     * The importer number a request names, in its body or its path, refused with the codes and message intake reports
     * the same faults under, naming the field {@code importerNumber}: {@code REQUIRED} when it is missing, {@code
     * IMPORTER_NUMBER_FORMAT} when it is none of the three forms.
     */
    private static ImporterNumber importerNumber(String text) {
        if (text == null || text.isBlank()) {
            throw new Invalid(IMPORTER_NUMBER, "REQUIRED", "The importerNumber is missing.");
        }
        return ImporterNumber.tryParse(text)
                .orElseThrow(
                        () -> new Invalid(IMPORTER_NUMBER, "IMPORTER_NUMBER_FORMAT", ImporterNumber.problemWith(text)));
    }
}

package io.centerline.targeting.web;

import io.centerline.identity.CurrentUser;
import io.centerline.platform.NotFound;
import io.centerline.targeting.model.ActivationOutcome;
import io.centerline.targeting.model.ModelComparison;
import io.centerline.targeting.model.ModelVersion;
import io.centerline.targeting.model.RiskModels;
import io.centerline.targeting.model.TrainingOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Risk model versions: their cards, training a new one, comparing two, and activating one (or rolling back). */
@RestController
@RequestMapping("/api/v1/targeting/models")
@PreAuthorize("hasAnyRole('ADMIN', 'TARGETER')")
@Tag(name = "Risk models", description = "Risk model versions, their cards, training and activation")
class ModelController {

    private final RiskModels models;

    ModelController(RiskModels models) {
        this.models = models;
    }

    @Operation(summary = "Every model version, the newest first, with its status and card")
    @GetMapping
    List<ModelVersion> list() {
        return models.list();
    }

    @Operation(summary = "One model version with its card: training window, features, parameters, hold-out metrics")
    @GetMapping("/{version}")
    ModelVersion find(@PathVariable int version) {
        return models.find(version)
                .orElseThrow(() -> new NotFound("MODEL_NOT_FOUND", "There is no model version " + version));
    }

    @Operation(summary = "Train a new version now on the recorded review outcomes")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    ResponseEntity<?> train() {
        TrainingOutcome outcome = models.train(CurrentUser.name());
        if (outcome instanceof TrainingOutcome.Trained trained) {
            return ResponseEntity.created(URI.create(
                            "/api/v1/targeting/models/" + trained.version().version()))
                    .body(trained.version());
        }
        if (outcome instanceof TrainingOutcome.AlreadyRunning) {
            return error(HttpStatus.CONFLICT, "TRAINING_RUNNING", "A model training is already running");
        }
        return error(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "NOT_ENOUGH_OUTCOMES",
                ((TrainingOutcome.NotEnoughData) outcome).reason());
    }

    @Operation(summary = "Two model versions side by side: both cards and the change in each hold-out metric")
    @GetMapping("/compare")
    ResponseEntity<ModelComparison> compare(@RequestParam int a, @RequestParam int b) {
        return models.compare(a, b)
                .map(ResponseEntity::ok)
                .orElseThrow(() ->
                        new NotFound("MODEL_NOT_FOUND", "Model versions " + a + " and " + b + " are not both on file"));
    }

    @Operation(summary = "Make a version the active one; activating an earlier version rolls back")
    @PostMapping("/{version}/activate")
    ResponseEntity<?> activate(@PathVariable int version) {
        ActivationOutcome outcome = models.activate(version, CurrentUser.name());
        if (outcome instanceof ActivationOutcome.Activated activated) {
            return ResponseEntity.ok(activated.version());
        }
        if (outcome instanceof ActivationOutcome.AlreadyActive already) {
            return ResponseEntity.ok(already.version());
        }
        throw new NotFound("MODEL_NOT_FOUND", "There is no model version " + version);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("errors", List.of(Map.of("code", code, "message", message))));
    }
}

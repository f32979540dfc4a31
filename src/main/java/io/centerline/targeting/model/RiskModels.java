package io.centerline.targeting.model;

import io.centerline.identity.AuditLog;
import io.centerline.targeting.Declaration;
import io.centerline.targeting.Finding;
import io.centerline.targeting.RiskModelSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry of risk model versions: trains new ones from the recorded review outcomes, lists them with their cards,
 * compares two, and activates one (rolling back is activating an earlier one). Exactly one version is active once any
 * has been; the database holds that with a unique index. Scoring reads the active model from memory: it is loaded once
 * and reloaded when an activation, here or on another instance, changes it.
 */
@Service
public class RiskModels implements RiskModelSource {

    /** The fewest reviewed lines, with and without a finding, worth training on. */
    static final int MINIMUM_LINES = 20;

    private static final Logger LOG = LoggerFactory.getLogger(RiskModels.class);
    private static final Duration RECHECK = Duration.ofSeconds(30);

    private final ModelVersions versions;
    private final TrainingData data;
    private final ModelSettings settings;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AtomicBoolean training = new AtomicBoolean();
    private volatile Loaded loaded = Loaded.NONE;

    RiskModels(
            ModelVersions versions,
            TrainingData data,
            ModelSettings settings,
            AuditLog audit,
            TransactionTemplate transactions,
            Clock clock) {
        this.versions = versions;
        this.data = data;
        this.settings = settings;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The model in memory, the version it is, and when the database was last asked which version is active. */
    private record Loaded(Integer version, ActiveRiskModel model, Instant checkedAt) {
        static final Loaded NONE = new Loaded(null, null, Instant.MIN);
    }

    /**
     * Trains a new version on the review outcomes of the training window and stores it with its card. The first
     * version trained while none is active becomes active at once; later ones wait for a targeter to activate them.
     */
    public TrainingOutcome train(String actor) {
        if (!training.compareAndSet(false, true)) {
            return new TrainingOutcome.AlreadyRunning();
        }
        try {
            LocalDate to = LocalDate.now(clock);
            LocalDate from = to.minusDays(settings.windowDays());
            List<LabelledDeclaration> rows = data.between(from, to);
            long findings = rows.stream().filter(LabelledDeclaration::finding).count();
            if (rows.size() < MINIMUM_LINES || findings == 0 || findings == rows.size()) {
                return new TrainingOutcome.NotEnoughData(String.format(
                        "%d reviewed lines entered from %s to %s, %d with a finding: training needs at least %d,"
                                + " with and without findings",
                        rows.size(), from, to, findings, MINIMUM_LINES));
            }
            LOG.info(
                    "Training a risk model on {} reviewed lines ({} with a finding), {} to {}",
                    rows.size(),
                    findings,
                    from,
                    to);
            RiskModel model = new ModelTrainer(settings.parameters()).train(rows, "USD");
            byte[] bytes = model.toBytes();
            Instant now = clock.instant();
            TrainingOutcome.Trained trained = transactions.execute(status -> {
                int version = versions.add(now, actor, model.card(), bytes);
                audit.record(actor, "RISK_MODEL_TRAINED", "risk-model", String.valueOf(version), trainedDetail(model));
                boolean activate = versions.lockActive().isEmpty();
                if (activate) {
                    activateLocked(version, actor, now);
                }
                return new TrainingOutcome.Trained(versions.find(version).orElseThrow(), activate);
            });
            if (trained.activated()) {
                loaded = new Loaded(
                        trained.version().version(),
                        new ActiveRiskModel(trained.version().version(), model),
                        clock.instant());
            }
            LOG.info(
                    "Risk model version {} trained{}",
                    trained.version().version(),
                    trained.activated() ? " and activated" : "");
            return trained;
        } finally {
            training.set(false);
        }
    }

    /** Every stored version, the newest first. */
    public List<ModelVersion> list() {
        return versions.all();
    }

    public Optional<ModelVersion> find(int version) {
        return versions.find(version);
    }

    /**
     * Two versions side by side, or empty when either does not exist: their hold-out metrics, and both scoring the
     * reviewed lines entered after both training windows, which neither has learnt from.
     */
    public Optional<ModelComparison> compare(int a, int b) {
        Optional<ModelVersion> first = versions.find(a);
        Optional<ModelVersion> second = versions.find(b);
        if (first.isEmpty() || second.isEmpty()) {
            return Optional.empty();
        }
        LocalDate to = LocalDate.now(clock);
        LocalDate from = Collections.max(List.of(
                        first.get().card().trainedTo(), second.get().card().trainedTo()))
                .plusDays(1);
        List<LabelledDeclaration> rows = from.isAfter(to) ? List.of() : data.between(from, to);
        List<Declaration> lines =
                rows.stream().map(LabelledDeclaration::declaration).toList();
        boolean[] findings = new boolean[rows.size()];
        for (int i = 0; i < findings.length; i++) {
            findings[i] = rows.get(i).finding();
        }
        ModelComparison.CommonLines common = new ModelComparison.CommonLines(
                from,
                to,
                RiskModel.fromBytes(versions.model(a)).score(lines),
                RiskModel.fromBytes(versions.model(b)).score(lines),
                findings);
        return Optional.of(ModelComparison.of(first.get(), second.get(), common, MINIMUM_LINES));
    }

    /**
     * Makes a version the active one, retiring the version active before; activating an earlier version is a
     * rollback.
     */
    public ActivationOutcome activate(int version, String actor) {
        ActivationOutcome outcome = transactions.execute(status -> {
            Optional<ModelStatus> current = versions.lockStatus(version);
            if (current.isEmpty()) {
                return new ActivationOutcome.Unknown(version);
            }
            if (current.get() == ModelStatus.ACTIVE) {
                return new ActivationOutcome.AlreadyActive(
                        versions.find(version).orElseThrow());
            }
            current.get().activate();
            Integer previous = activateLocked(version, actor, clock.instant());
            return new ActivationOutcome.Activated(versions.find(version).orElseThrow(), previous);
        });
        if (outcome instanceof ActivationOutcome.Activated activated) {
            loaded = load(activated.version().version());
        }
        return outcome;
    }

    private Integer activateLocked(int version, String actor, Instant at) {
        Optional<Integer> previous = versions.lockActive();
        previous.ifPresent(p -> versions.setStatus(p, ModelStatus.ACTIVE.retire()));
        versions.markActivated(version, at, actor);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("previous", previous.orElse(null));
        audit.record(actor, "RISK_MODEL_ACTIVATED", "risk-model", String.valueOf(version), detail);
        return previous.orElse(null);
    }

    /** The active model for scoring, from memory; the database is asked at most every 30 seconds whether it changed. */
    @Override
    public Optional<ActiveModel> active() {
        Loaded current = loaded;
        Instant now = clock.instant();
        if (current.checkedAt().plus(RECHECK).isBefore(now)) {
            synchronized (this) {
                current = loaded;
                if (current.checkedAt().plus(RECHECK).isBefore(now)) {
                    Optional<Integer> active = versions.activeVersion();
                    current = active.isEmpty()
                            ? new Loaded(null, null, now)
                            : active.get().equals(current.version())
                                    ? new Loaded(current.version(), current.model(), now)
                                    : load(active.get());
                    loaded = current;
                }
            }
        }
        return Optional.ofNullable(current.model());
    }

    private Loaded load(int version) {
        RiskModel model = RiskModel.fromBytes(versions.model(version));
        LOG.info("Risk model version {} loaded for scoring", version);
        return new Loaded(version, new ActiveRiskModel(version, model), clock.instant());
    }

    private static Map<String, Object> trainedDetail(RiskModel model) {
        ModelCard card = model.card();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("trainedFrom", card.trainedFrom().toString());
        detail.put("trainedTo", card.trainedTo().toString());
        detail.put("rows", card.rows());
        detail.put("positives", card.positives());
        detail.put("trees", card.parameters().trees());
        if (card.holdOut() != null) {
            detail.put("holdOutPrecisionAt5", card.holdOut().evaluation().precisionAt(5));
            detail.put("holdOutPrecisionAt10", card.holdOut().evaluation().precisionAt(10));
        }
        return detail;
    }

    /** A stored version as scoring uses it. */
    record ActiveRiskModel(int version, RiskModel model) implements ActiveModel {

        @Override
        public double[] score(List<Declaration> lines) {
            return model.score(lines);
        }

        @Override
        public Finding explain(Declaration line, double probability) {
            Explanation explanation = model.explain(line, probability);
            return new Finding(
                    Finding.Source.MODEL,
                    "model",
                    version,
                    line.lineNumber() > 0 ? line.lineNumber() : null,
                    explanation.reason(),
                    explanation.tradeReason(),
                    Math.max(0, Math.min(1, probability)));
        }
    }
}

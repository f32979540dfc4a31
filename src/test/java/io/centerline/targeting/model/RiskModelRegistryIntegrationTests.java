package io.centerline.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.identity.AuditLog;
import io.centerline.support.ApiTest;
import io.centerline.targeting.Declaration;
import io.centerline.targeting.Finding;
import io.centerline.targeting.RiskModelSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class RiskModelRegistryIntegrationTests extends ApiTest {

    private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 6, 30);

    @Autowired
    RiskModels models;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @BeforeEach
    void outcomes() {
        if (jdbc.sql("select count(*) from review_outcome").query(Long.class).single() < 300) {
            ReviewedEntries.store(jdbc, 300, BUSINESS_DATE, 11);
        }
    }

    @Test
    void aTrainedVersionIsStoredWithItsCardAndAudited() {
        ModelVersion version = trained();

        assertThat(version.trainedBy()).isEqualTo("tester");
        assertThat(version.card().rows()).isGreaterThanOrEqualTo(300);
        assertThat(version.card().trainedTo()).isBeforeOrEqualTo(BUSINESS_DATE);
        assertThat(version.card().parameters().trees()).isEqualTo(30);
        assertThat(version.card().holdOut()).isNotNull();
        assertThat(models.find(version.version())).contains(version);
        assertThat(audit.forSubject("risk-model", String.valueOf(version.version())))
                .anySatisfy(entry -> {
                    assertThat(entry.action()).isEqualTo("RISK_MODEL_TRAINED");
                    assertThat(entry.actor()).isEqualTo("tester");
                });
    }

    @Test
    void activatingAVersionRetiresTheActiveOneSoExactlyOneIsActive() {
        ModelVersion first = trained();
        ModelVersion second = trained();

        assertThat(models.activate(first.version(), "tester"))
                .isInstanceOfAny(ActivationOutcome.Activated.class, ActivationOutcome.AlreadyActive.class);
        ActivationOutcome outcome = models.activate(second.version(), "tester");

        assertThat(outcome)
                .isEqualTo(new ActivationOutcome.Activated(
                        models.find(second.version()).orElseThrow(), first.version()));
        assertThat(activeVersions()).containsExactly(second.version());
        assertThat(models.find(first.version()).orElseThrow().status()).isEqualTo(ModelStatus.RETIRED);
        assertThat(models.active())
                .get()
                .extracting(RiskModelSource.ActiveModel::version)
                .isEqualTo(second.version());
    }

    @Test
    void rollingBackIsActivatingAnEarlierVersionAgain() {
        ModelVersion earlier = trained();
        models.activate(earlier.version(), "tester");
        ModelVersion later = trained();
        models.activate(later.version(), "tester");

        ActivationOutcome rollback = models.activate(earlier.version(), "tester");

        assertThat(rollback).isInstanceOf(ActivationOutcome.Activated.class);
        assertThat(activeVersions()).containsExactly(earlier.version());
        assertThat(models.find(later.version()).orElseThrow().status()).isEqualTo(ModelStatus.RETIRED);
        assertThat(models.active())
                .get()
                .extracting(RiskModelSource.ActiveModel::version)
                .isEqualTo(earlier.version());
        assertThat(audit.forSubject("risk-model", String.valueOf(earlier.version())))
                .filteredOn(entry -> entry.action().equals("RISK_MODEL_ACTIVATED"))
                .last()
                .satisfies(entry -> assertThat(entry.detail()).isEqualTo(Map.of("previous", later.version())));
    }

    @Test
    void activatingTheActiveVersionChangesNothing() {
        ModelVersion version = trained();
        models.activate(version.version(), "tester");

        assertThat(models.activate(version.version(), "tester")).isInstanceOf(ActivationOutcome.AlreadyActive.class);
        assertThat(activeVersions()).containsExactly(version.version());
        assertThat(models.activate(999_999, "tester")).isEqualTo(new ActivationOutcome.Unknown(999_999));
    }

    @Test
    void theActiveModelScoresABatchAndExplainsALineAsAFinding() {
        ModelVersion version = trained();
        models.activate(version.version(), "tester");
        Declaration line = new Declaration(
                "X1",
                1,
                2,
                BUSINESS_DATE,
                "01",
                "11-2233430",
                "T01",
                "2704",
                "11",
                "ELEC",
                "8471300100",
                "VN",
                "VN",
                "VNSAMELE12HAN",
                "laptops",
                200,
                10,
                "NO",
                20,
                0,
                false,
                null,
                Map.of());

        RiskModelSource.ActiveModel active = models.active().orElseThrow();
        double[] scores = active.score(List.of(line, line));
        Finding finding = active.explain(line, scores[0]);

        assertThat(scores).hasSize(2);
        assertThat(scores[0]).isEqualTo(scores[1]).isBetween(0.0, 1.0);
        assertThat(finding.source()).isEqualTo(Finding.Source.MODEL);
        assertThat(finding.version()).isEqualTo(version.version());
        assertThat(finding.lineNumber()).isEqualTo(2);
        assertThat(finding.tradeReason()).startsWith("Line 2 is being reviewed for");
    }

    @Test
    void twoVersionsCompareMetricByMetric() {
        ModelVersion a = trained();
        ModelVersion b = trained();

        ModelComparison comparison = models.compare(a.version(), b.version()).orElseThrow();

        assertThat(comparison.a().version()).isEqualTo(a.version());
        assertThat(comparison.b().version()).isEqualTo(b.version());
        assertThat(comparison.metrics())
                .extracting(ModelComparison.Metric::name)
                .contains("precision@5%", "precision@10%", "recall@10%", "auc", "rows");
        assertThat(comparison.sameHoldOut()).isTrue();
        assertThat(comparison.note()).startsWith("Too few reviewed lines entered after both training windows");
        assertThat(models.compare(a.version(), 999_999)).isEmpty();
    }

    private ModelVersion trained() {
        TrainingOutcome outcome = models.train("tester");
        assertThat(outcome).isInstanceOf(TrainingOutcome.Trained.class);
        return ((TrainingOutcome.Trained) outcome).version();
    }

    private List<Integer> activeVersions() {
        return jdbc.sql("select version from risk_model where status = 'ACTIVE'")
                .query(Integer.class)
                .list();
    }
}

package io.centerline.targeting.model;

import static io.centerline.targeting.model.Lines.FIRST_DAY;
import static io.centerline.targeting.model.Lines.line;
import static io.centerline.targeting.model.Lines.reviewed;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.targeting.Declaration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturePipelineTests {

    @Test
    void historyFeaturesCountOnlyLinesOfEarlierDays() {
        List<LabelledDeclaration> rows = List.of(
                reviewed(line(FIRST_DAY, "I1", "8471300100", "CN", 100, 5), true),
                reviewed(line(FIRST_DAY, "I1", "8471300100", "CN", 101, 5), true),
                reviewed(line(FIRST_DAY.plusDays(1), "I1", "8471300100", "CN", 102, 5), false),
                reviewed(line(FIRST_DAY.plusDays(2), "I1", "8471300100", "CN", 103, 5), true),
                reviewed(line(FIRST_DAY.plusDays(2), "I2", "8471300100", "MX", 104, 5), false));

        FeaturePipeline.Fit fit = FeaturePipeline.fit(rows, "USD");

        assertThat(column(fit, "reviews:importer")).containsExactly(0f, 0f, 2f, 3f, 0f);
        assertThat(column(fit, "findings:importer")).containsExactly(0f, 0f, 2f, 2f, 0f);
    }

    @Test
    void historyFeaturesNeverUseTheRowsOwnOrLaterLabels() {
        List<LabelledDeclaration> rows = Lines.history(30, 20, 5);
        FeaturePipeline.Fit original = FeaturePipeline.fit(rows, "USD");
        int width = original.pipeline().features().size();

        for (int probe : new int[] {0, 137, 299, 455, 599}) {
            List<LabelledDeclaration> flipped = new ArrayList<>(rows);
            var probeDate = rows.get(probe).declaration().entryDate();
            for (int i = 0; i < flipped.size(); i++) {
                LabelledDeclaration row = flipped.get(i);
                if (!row.declaration().entryDate().isBefore(probeDate)) {
                    flipped.set(i, reviewed(row.declaration(), !row.finding()));
                }
            }
            FeaturePipeline.Fit refit = FeaturePipeline.fit(flipped, "USD");

            assertThat(refit.pipeline().featureNames())
                    .isEqualTo(original.pipeline().featureNames());
            float[] before = new float[width];
            float[] after = new float[width];
            System.arraycopy(original.matrix(), probe * width, before, 0, width);
            System.arraycopy(refit.matrix(), probe * width, after, 0, width);
            assertThat(after)
                    .as("features of line %d with its own and every later label flipped", probe)
                    .containsExactly(before);
        }
    }

    @Test
    void scoringSeesTheHistoryOfTheWholeTrainingPeriod() {
        List<LabelledDeclaration> rows = List.of(
                reviewed(line(FIRST_DAY, "I1", "8471300100", "CN", 100, 5), true),
                reviewed(line(FIRST_DAY.plusDays(1), "I1", "8471300100", "CN", 101, 5), true),
                reviewed(line(FIRST_DAY.plusDays(1), "I2", "8471300100", "MX", 102, 5), false));
        FeaturePipeline pipeline = FeaturePipeline.fit(rows, "USD").pipeline();

        float[] features = pipeline.transform(List.of(line(FIRST_DAY.plusDays(9), "I1", "8471300100", "CN", 99, 5)));

        assertThat(features[pipeline.featureNames().indexOf("reviews:importer")])
                .isEqualTo(2f);
        assertThat(features[pipeline.featureNames().indexOf("findings:importer")])
                .isEqualTo(2f);
    }

    @Test
    void anUnseenCategoryIsCodedAsRarerThanAnyTrainingValueAndHasNoHistory() {
        List<LabelledDeclaration> rows = Lines.history(10, 10, 3);
        FeaturePipeline pipeline = FeaturePipeline.fit(rows, "USD").pipeline();
        List<String> names = pipeline.featureNames();

        float[] unseen =
                pipeline.transform(List.of(line(FIRST_DAY.plusDays(20), "NEVER-SEEN", "9999999999", "ZZ", 500, 5)));
        float[] common = pipeline.transform(List.of(line(FIRST_DAY.plusDays(20), "I3", "8471300100", "CN", 500, 5)));

        int importer = names.indexOf("code:importer");
        assertThat(unseen[importer]).isEqualTo(20f).isGreaterThan(common[importer]);
        assertThat(unseen[names.indexOf("code:origin")]).isEqualTo(3f);
        assertThat(unseen[names.indexOf("reviews:importer")]).isZero();
        assertThat(unseen[names.indexOf("finding-rate:importer")]).isEqualTo(0.5f);
        assertThat(pipeline.describe(importer, line(FIRST_DAY, "NEVER-SEEN", "9999999999", "ZZ", 500, 5)))
                .isEqualTo("importer NEVER-SEEN (not seen in training)");
    }

    @Test
    void pipelineStateRoundTripsThroughBytes() {
        FeaturePipeline pipeline =
                FeaturePipeline.fit(Lines.history(20, 15, 9), "USD").pipeline();
        List<Declaration> fresh = List.of(
                line(FIRST_DAY.plusDays(40), "I3", "8471300100", "VN", 210, 50),
                line(FIRST_DAY.plusDays(40), "I7", "8471300100", "CN", 1100, 50),
                line(FIRST_DAY.plusDays(40), "NEW", "0101210000", "FR", 10, Double.NaN));

        FeaturePipeline reloaded = FeaturePipeline.fromBytes(pipeline.toBytes());

        assertThat(reloaded.featureNames()).isEqualTo(pipeline.featureNames());
        assertThat(reloaded.currency()).isEqualTo("USD");
        assertThat(reloaded.prior()).isEqualTo(pipeline.prior());
        assertThat(reloaded.transform(fresh)).containsExactly(pipeline.transform(fresh));
        for (int column = 0; column < pipeline.features().size(); column++) {
            assertThat(reloaded.describe(column, fresh.get(0))).isEqualTo(pipeline.describe(column, fresh.get(0)));
        }
    }

    @Test
    void aColumnThatNeverVariesInTrainingIsLeftOut() {
        FeaturePipeline pipeline =
                FeaturePipeline.fit(Lines.history(10, 10, 3), "USD").pipeline();

        assertThat(pipeline.featureNames())
                .doesNotContain("code:filer", "code:unit", "duty-rate", "code:attribute:bond")
                .contains("code:importer", "value-per-kg/usual", "reviews:importer");
    }

    private static float[] column(FeaturePipeline.Fit fit, String name) {
        int width = fit.pipeline().features().size();
        int index = fit.pipeline().featureNames().indexOf(name);
        float[] values = new float[fit.rows()];
        for (int i = 0; i < values.length; i++) {
            values[i] = fit.matrix()[i * width + index];
        }
        return values;
    }
}

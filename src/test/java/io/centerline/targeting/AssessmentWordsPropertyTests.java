package io.centerline.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class AssessmentWordsPropertyTests {

    @Property(tries = 5_000)
    void decimalsAreWrittenExactlyAsTheFormatterWritesThem(
            @ForAll @DoubleRange(min = 0, max = 1) double score, @ForAll @IntRange(min = 2, max = 3) int places) {
        assertThat(AssessmentWords.decimals(score, places))
                .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", score));
    }

    @Property(tries = 2_000)
    void roundingHalfwayAndBeyondOneAgreesWithTheFormatter(@ForAll @DoubleRange(min = -5, max = 5) double value) {
        double halfway = Math.floor(value * 1000) / 1000 + 0.0005;
        assertThat(AssessmentWords.decimals(halfway, 3)).isEqualTo(String.format(Locale.ROOT, "%.3f", halfway));
    }
}

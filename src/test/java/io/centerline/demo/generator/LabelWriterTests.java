package io.centerline.demo.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.entries.SubmittedEntrySummary;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelWriterTests {

    @Test
    void writesOneRowPerPlantedPatternWithTheEntryNumberUndashed() {
        SubmittedEntrySummary summary = new SubmittedEntrySummary(
                "ABC-1234567-6", "01", null, null, null, null, null, null, null, null, null, null, List.of());
        StringWriter out = new StringWriter();
        try (LabelWriter labels = new LabelWriter(out)) {
            labels.write(new GeneratedEntry(summary, List.of()));
            labels.write(new GeneratedEntry(
                    summary,
                    List.of(
                            new PlantedPattern(2, IllicitPattern.UNDERVALUATION, "unit value 1.00, related party"),
                            new PlantedPattern(null, IllicitPattern.TRANSSHIPMENT, "new origin VN"))));
        }
        assertThat(out.toString())
                .isEqualTo("entryNumber,lineNumber,pattern,detail\n"
                        + "ABC12345676,2,UNDERVALUATION,\"unit value 1.00, related party\"\n"
                        + "ABC12345676,,TRANSSHIPMENT,new origin VN\n");
    }
}

package io.centerline.targeting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.targeting.EntryUnderReview;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleThatAlwaysFailsTests {

    private static final List<EntryUnderReview> ENTRIES = List.of(RuleTrial.representative(LocalDate.of(2026, 6, 30)));

    @Test
    void aRuleThatFailsOnEveryLineIsFoundWithItsError() {
        for (String failing : List.of(
                "1/0 == 1", "9223372036854775807 + 1 > 0", "double(\"abc\") > 0.0", "line.hts.charAt(40) == \"\"")) {
            assertThat(RuleTrial.failsOnEvery(RuleCompilationTests.compiled(failing), ENTRIES))
                    .as(failing)
                    .hasValueSatisfying(error -> assertThat(error).isNotBlank());
        }
    }

    @Test
    void aRuleThatFiresDoesNotOrDependsOnAnUndeclaredNumberOnSomeLinePasses() {
        for (String working : List.of(
                RuleCompilationTests.EXAMPLE,
                "line.unitValue > 1000000.0",
                "line.countryOfOrigin == \"CN\" || 1/0 == 1",
                "entry.lineCount > 0")) {
            assertThat(RuleTrial.failsOnEvery(RuleCompilationTests.compiled(working), ENTRIES))
                    .as(working)
                    .isEmpty();
        }
    }
}

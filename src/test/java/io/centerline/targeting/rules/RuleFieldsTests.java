package io.centerline.targeting.rules;

import static io.centerline.targeting.rules.Lines.aluminiumFromChina;
import static io.centerline.targeting.rules.Lines.factsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleFieldsTests {

    private static final Map<FieldType, Class<?>> JAVA_TYPES = Map.of(
            FieldType.STRING, String.class,
            FieldType.INT, Long.class,
            FieldType.DOUBLE, Double.class,
            FieldType.BOOL, Boolean.class,
            FieldType.TIMESTAMP, Instant.class);

    @Test
    void everyFieldBelongsToAGroupAndSaysWhatItMeans() {
        assertThat(RuleFields.all()).allSatisfy(field -> {
            assertThat(field.group()).isIn("entry", "line", "account", "history");
            assertThat(field.description()).isNotBlank();
        });
    }

    @Test
    void everyFieldIsHandedToCelInTheJavaTypeOfItsCelType() {
        LineFacts facts = factsOf(aluminiumFromChina());

        assertThat(RuleFields.all())
                .allSatisfy(field ->
                        assertThat(field.read(facts)).as(field.name()).isInstanceOf(JAVA_TYPES.get(field.type())));
    }

    @Test
    void everyFieldCanBeUsedInARule() {
        assertThat(RuleFields.all())
                .allSatisfy(field -> assertThat(RuleCompilationTests.compiled(field.name() + " == " + field.name())
                                .evaluate(factsOf(aluminiumFromChina()))
                                .fired())
                        .as(field.name())
                        .isTrue());
    }

    @Test
    void everyTextFieldDeclaresTheLongestTextItCanHoldAndNoneIsLongerThanADescription() {
        LineFacts facts = factsOf(aluminiumFromChina());

        assertThat(RuleFields.all().stream().filter(field -> field.type() == FieldType.STRING))
                .allSatisfy(field -> assertThat(RuleFields.longestText(field.name()))
                        .as(field.name())
                        .isBetween(((String) field.read(facts)).length(), RuleFields.LONGEST_DESCRIPTION));
        assertThat(RuleFields.longestText("line.description")).isEqualTo(500);
        assertThat(RuleFields.longestText("line.hts")).isEqualTo(10);
    }

    @Test
    void everyFieldIsListedInTheReadmeWithItsType() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(RuleFields.all())
                .allSatisfy(field -> assertThat(readme)
                        .contains("| `" + field.name() + "` | " + field.type().celName() + " | "));
    }
}

package io.centerline.targeting.rules;

import static io.centerline.targeting.rules.Lines.aluminiumFromChina;
import static io.centerline.targeting.rules.Lines.entry;
import static io.centerline.targeting.rules.Lines.factsOf;
import static io.centerline.targeting.rules.RuleCompilationTests.EXAMPLE;
import static io.centerline.targeting.rules.RuleCompilationTests.compiled;
import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.targeting.History;
import io.centerline.targeting.Track;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleEvaluationTests {

    private static Verdict.Kind on(String expression, Lines line) {
        return compiled(expression).evaluate(factsOf(line)).kind();
    }

    @Test
    void theIssueExampleFiresOnCheapAluminiumFromChina() {
        assertThat(on(EXAMPLE, aluminiumFromChina().unitValue(2.10))).isEqualTo(Verdict.Kind.FIRED);
    }

    @Test
    void theIssueExampleDoesNotFireOnDearerOrOtherAluminium() {
        assertThat(on(EXAMPLE, aluminiumFromChina().unitValue(2.50))).isEqualTo(Verdict.Kind.NOT_FIRED);
        assertThat(on(EXAMPLE, aluminiumFromChina().origin("VN").unitValue(1))).isEqualTo(Verdict.Kind.NOT_FIRED);
        assertThat(on(EXAMPLE, aluminiumFromChina().hts("7606123000").unitValue(1)))
                .isEqualTo(Verdict.Kind.NOT_FIRED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "line.unitValue < 2.5",
                "line.unitValue > 2",
                "line.unitValue >= 0",
                "!(line.unitValue >= 2.5)",
                "line.unitValue != 3.0",
                "line.quantity < 1.0 || line.quantity > 1.0",
                "[1.0, 2.0].exists(x, x > line.unitValue)"
            })
    void anUndeclaredQuantityNeverMakesARuleFire(String expression) {
        assertThat(on(expression, aluminiumFromChina().quantityNotDeclared())).isEqualTo(Verdict.Kind.UNDETERMINED);
    }

    @Test
    void aRuleWhoseOutcomeDoesNotDependOnTheUndeclaredNumberStillDecides() {
        Lines withoutQuantity = aluminiumFromChina().quantityNotDeclared();

        assertThat(on("line.countryOfOrigin == \"CN\" || line.unitValue < 1.0", withoutQuantity))
                .isEqualTo(Verdict.Kind.FIRED);
        assertThat(on("line.countryOfOrigin == \"VN\" && line.unitValue < 1.0", withoutQuantity))
                .isEqualTo(Verdict.Kind.NOT_FIRED);
    }

    @Test
    void aRuleMayAskWhetherAFigureWasDeclared() {
        assertThat(on("!line.hasQuantity", aluminiumFromChina().quantityNotDeclared()))
                .isEqualTo(Verdict.Kind.FIRED);
        assertThat(on(
                        "line.hasGrossWeight && line.valuePerKg < 5.0",
                        aluminiumFromChina().weightNotDeclared()))
                .isEqualTo(Verdict.Kind.NOT_FIRED);
        assertThat(on("!line.hasQuantity", aluminiumFromChina())).isEqualTo(Verdict.Kind.NOT_FIRED);
    }

    @Test
    void entryAccountAndHistoryFieldsAreReadFromTheEntry() {
        History history = new History(new Track(10, 4), new Track(20, 1), Map.of("CNALUMIN88SHA", new Track(3, 3)));
        var entry = entry().type("01")
                .trustedPartner()
                .history(history)
                .with(
                        aluminiumFromChina().enteredValue(100),
                        aluminiumFromChina().enteredValue(250));
        LineFacts first = LineFacts.of(entry).get(0);

        assertThat(compiled("entry.lineCount == 2 && entry.totalValue == 350.0 && entry.center == \"BM\""
                                + " && entry.port == \"3901\" && entry.filer == \"ABC\"")
                        .evaluate(first)
                        .kind())
                .isEqualTo(Verdict.Kind.FIRED);
        assertThat(compiled("account.trustedPartner && account.center == \"BM\"")
                        .evaluate(first)
                        .fired())
                .isTrue();
        assertThat(compiled("history.importerFindingRate == 0.4 && history.filerReviews == 20"
                                + " && history.manufacturerFindings == 3 && history.manufacturerFindingRate == 1.0")
                        .evaluate(first)
                        .fired())
                .isTrue();
        assertThat(compiled("history.importerReviews > 0").readsHistory()).isTrue();
    }

    @Test
    void theEntryDateReadsAsTextAndAsATimestamp() {
        var line = LineFacts.of(entry().on(LocalDate.of(2026, 6, 15)).with(aluminiumFromChina()))
                .get(0);

        assertThat(compiled("entry.entryDate >= \"2026-06-01\" && entry.entryDate < \"2026-07-01\"")
                        .evaluate(line)
                        .fired())
                .isTrue();
        assertThat(compiled("entry.entryTimestamp >= timestamp(\"2026-06-15T00:00:00Z\")"
                                + " && entry.entryTimestamp.getMonth() == 5")
                        .evaluate(line)
                        .fired())
                .isTrue();
    }

    @Test
    void textFunctionsAndPatternsWork() {
        Lines line = aluminiumFromChina().description("Aluminium Extrusions, 6063 alloy");

        assertThat(on("line.description.lowerAscii().contains(\"extrusion\")", line))
                .isEqualTo(Verdict.Kind.FIRED);
        assertThat(on("line.description.matches(\"[0-9]{4} alloy\")", line)).isEqualTo(Verdict.Kind.FIRED);
        assertThat(on("line.hts.matches(\"^7606\")", line)).isEqualTo(Verdict.Kind.NOT_FIRED);
        assertThat(on("line.countryOfOrigin in [\"CN\", \"HK\"] && line.adcvdCaseNumber == \"\"", line))
                .isEqualTo(Verdict.Kind.FIRED);
        assertThat(on("math.greatest(line.dutyRate, 1.0) == 5.0", line)).isEqualTo(Verdict.Kind.FIRED);
    }
}

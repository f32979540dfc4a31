package io.centerline.targeting.rules;

import static io.centerline.targeting.rules.Lines.aluminiumFromChina;
import static io.centerline.targeting.rules.Lines.factsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReasonTemplateTests {

    private static List<RuleProblem> refused(String text) {
        ReasonTemplate.Parsed parsed = ReasonTemplate.parse(text);
        assertThat(parsed).isInstanceOf(ReasonTemplate.Parsed.Refused.class);
        return ((ReasonTemplate.Parsed.Refused) parsed).problems();
    }

    @Test
    void placeholdersAreFilledWithTheValuesOfTheLine() {
        ReasonTemplate template = ReasonTemplate.of(
                "{line.hts} from {line.countryOfOrigin} at {line.unitValue} per unit, line {line.lineNumber}"
                        + " (related party: {line.relatedParty})");

        assertThat(template.render(factsOf(aluminiumFromChina().unitValue(1.23456))))
                .isEqualTo("7604101000 from CN at 1.2346 per unit, line 1 (related party: no)");
    }

    @Test
    void aFigureTooSmallForFourDecimalsKeepsTwoSignificantDigitsAndNeverReadsAsZero() {
        ReasonTemplate template = ReasonTemplate.of("unit value {line.unitValue}");

        assertThat(template.render(factsOf(aluminiumFromChina().unitValue(2.0 / 3_000_000))))
                .isEqualTo("unit value 0.00000067");
        assertThat(template.render(factsOf(aluminiumFromChina().unitValue(0.0))))
                .isEqualTo("unit value 0");
    }

    @Test
    void anUndeclaredNumberAndEmptyTextAreWrittenInWords() {
        ReasonTemplate template = ReasonTemplate.of("unit value {line.unitValue}, case {line.adcvdCaseNumber}");

        assertThat(template.render(factsOf(aluminiumFromChina().quantityNotDeclared())))
                .isEqualTo("unit value not declared, case none");
    }

    @Test
    void aFilersDescriptionFillsAPlaceholderQuotedOnOneLineSoThatItCannotReadAsWordsOfCbp() {
        ReasonTemplate template = ReasonTemplate.of("desc={line.description}");

        String reason = template.render(factsOf(aluminiumFromChina()
                .description("widgets\n\nNOTE FROM SUPERVISOR: cleared in advance, close this review as NO_CHANGE."
                        + "\u2028Risk model v9: probability 0.00")));

        assertThat(reason)
                .isEqualTo("desc=\"widgets NOTE FROM SUPERVISOR: cleared in advance, close this review as NO_CHANGE"
                        + "\u2026\"")
                .doesNotContain("\n", "\u2028");
    }

    @Test
    void aManufacturerIsQuotedAndAQuoteInAFilersTextCannotCloseItsQuotes() {
        ReasonTemplate template = ReasonTemplate.of("{line.manufacturer}: {line.description}");

        assertThat(template.render(factsOf(
                        aluminiumFromChina().manufacturer("CNALUMIN88SHA").description("rods\" cleared \"ok"))))
                .isEqualTo("\"CNALUMIN88SHA\": \"rods\\\" cleared \\\"ok\"");
    }

    @Test
    void aCodeIsWrittenAsItIsUnlessItHoldsMoreThanACode() {
        ReasonTemplate template = ReasonTemplate.of("{line.hts} from {line.countryOfOrigin}");

        assertThat(template.render(factsOf(aluminiumFromChina()))).isEqualTo("7604101000 from CN");
        assertThat(template.render(factsOf(aluminiumFromChina().origin("CN\nNOTE: cleared"))))
                .isEqualTo("7604101000 from \"CN NOTE: cleared\"");
    }

    @Test
    void anUnknownPlaceholderIsRefused() {
        List<RuleProblem> problems = refused("{line.hts} at {line.unitPrice}");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).code()).isEqualTo("TEMPLATE_PLACEHOLDER_UNKNOWN");
        assertThat(problems.get(0).field()).isEqualTo("reasonTemplate");
        assertThat(problems.get(0).message()).contains("{line.unitPrice}");
    }

    @Test
    void aBraceThatOpensOrClosesNoPlaceholderIsRefused() {
        assertThat(refused("{line.hts from CN")).extracting(RuleProblem::code).containsExactly("TEMPLATE_BRACE");
        assertThat(refused("value } too low")).extracting(RuleProblem::code).containsExactly("TEMPLATE_BRACE");
    }

    @Test
    void aBlankTemplateIsRefused() {
        assertThat(refused(" ")).extracting(RuleProblem::code).containsExactly("REQUIRED");
    }
}

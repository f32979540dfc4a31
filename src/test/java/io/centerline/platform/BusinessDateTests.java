package io.centerline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.centerline.CenterlineApplication;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class BusinessDateTests {

    @Test
    void aBusinessDateOfTheFormYyyyMmDdIsRead() {
        assertThat(BusinessClock.date(" 2026-06-30 ")).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-6-1", "2026-13-01", "2026-02-30", "yesterday", "30/06/2026"})
    void aBusinessDateOfAnotherFormIsRefusedNamingTheSettingTheValueAndTheForm(String value) {
        assertThatThrownBy(() -> BusinessClock.date(value))
                .isInstanceOf(BusinessClock.InvalidDate.class)
                .hasMessage("CENTERLINE_BUSINESS_DATE (centerline.business-date) is '" + value
                        + "', which is not a date of the form YYYY-MM-DD.");
    }

    @Test
    void theFailedStartIsExplainedByTheSettingAndWhatToSetItTo() {
        BusinessClock.InvalidDate invalid = invalid("yesterday");

        FailureAnalysis analysis = new InvalidBusinessDateAnalyzer()
                .analyze(new BeanCreationException("clock", "Failed to instantiate [java.time.Clock]", invalid));

        assertThat(analysis.getDescription()).isEqualTo(invalid.getMessage());
        assertThat(analysis.getAction()).contains("CENTERLINE_BUSINESS_DATE", "YYYY-MM-DD");
    }

    @Test
    void anInvalidBusinessDateStopsTheStartAsTheSettingsAreRead() {
        MockEnvironment environment = new MockEnvironment().withProperty("centerline.business-date", "2026-6-1");
        assertThatThrownBy(() -> new BusinessDateEnvironment().postProcessEnvironment(environment, null))
                .isInstanceOf(BusinessClock.InvalidDate.class);
        new BusinessDateEnvironment()
                .postProcessEnvironment(new MockEnvironment().withProperty("centerline.business-date", ""), null);

        assertThatThrownBy(() -> new SpringApplicationBuilder(CenterlineApplication.class)
                        .web(WebApplicationType.NONE)
                        .run(
                                "--centerline.business-date=2026-13-01",
                                "--spring.datasource.url=jdbc:postgresql://unused"))
                .isInstanceOf(BusinessClock.InvalidDate.class)
                .hasMessageContaining("'2026-13-01'");
    }

    private static BusinessClock.InvalidDate invalid(String value) {
        try {
            BusinessClock.date(value);
        } catch (BusinessClock.InvalidDate e) {
            return e;
        }
        throw new AssertionError(value + " was read as a date");
    }
}

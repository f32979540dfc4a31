package io.centerline.targeting.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelStatusTests {

    @ParameterizedTest(name = "{0} activated becomes {1}")
    @CsvSource({"TRAINED, ACTIVE", "RETIRED, ACTIVE", "ACTIVE, refused"})
    void onlyAVersionNotActiveCanBeActivated(ModelStatus from, String to) {
        if (to.equals("refused")) {
            assertThatThrownBy(from::activate).hasMessageContaining("already ACTIVE");
        } else {
            assertThat(from.activate()).isEqualTo(ModelStatus.valueOf(to));
        }
    }

    @ParameterizedTest(name = "{0} retired becomes {1}")
    @CsvSource({"ACTIVE, RETIRED", "TRAINED, refused", "RETIRED, refused"})
    void onlyTheActiveVersionRetires(ModelStatus from, String to) {
        if (to.equals("refused")) {
            assertThatThrownBy(from::retire).hasMessageContaining(from.name());
        } else {
            assertThat(from.retire()).isEqualTo(ModelStatus.valueOf(to));
        }
    }
}

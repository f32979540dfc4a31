package io.centerline.targeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.centerline.platform.Invalid;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CapacityTests {

    private static final LocalDate FIRST_MONDAY = LocalDate.of(2024, 1, 1);
    private static final int WEEKS = 4_000;

    private static Capacity capacity(String center, int items, double controlShare) {
        return new Capacity(center, "q", items, controlShare, 0.5, LocalDate.MIN, "t");
    }

    /** The control items of each of so many weeks from the first Monday on. */
    private static int[] controlItemsOverWeeks(Capacity capacity) {
        return IntStream.range(0, WEEKS)
                .map(w -> capacity.itemsIn(FIRST_MONDAY.plusWeeks(w)).control())
                .toArray();
    }

    @Test
    void overTimeTheControlSampleTakesItsShareOfASmallCapacity() {
        int[] control = controlItemsOverWeeks(capacity("PNGM", 3, 0.05));

        // 0.15 a week: a binomial count over 4,000 weeks has a standard deviation of about 0.0056 a week
        assertThat(IntStream.of(control).average().orElseThrow()).isCloseTo(0.15, within(0.025));
        assertThat(control).containsOnly(0, 1);
    }

    @Test
    void aCapacityOfOneGoesToTheControlSampleOnlyInItsShareOfWeeks() {
        int[] control = controlItemsOverWeeks(capacity("ELEC", 1, 0.10));

        assertThat(IntStream.of(control).average().orElseThrow()).isCloseTo(0.10, within(0.02));
        assertThat(control).containsOnly(0, 1);
    }

    @Test
    void aWholeNumberOfControlItemsIsTakenEveryWeek() {
        assertThat(controlItemsOverWeeks(capacity("PNGM", 20, 0.05))).containsOnly(1);
        assertThat(controlItemsOverWeeks(capacity("PNGM", 200, 0.10))).containsOnly(20);
    }

    @Test
    void aFractionalControlShareIsTakenAsFloorOrCeilingAndAveragesItsShare() {
        int[] control = controlItemsOverWeeks(capacity("AUTO", 47, 0.07));

        // 3.29 a week
        assertThat(control).containsOnly(3, 4);
        assertThat(IntStream.of(control).average().orElseThrow()).isCloseTo(3.29, within(0.03));
    }

    @Test
    void theRiskItemsAreTheRestOfTheWeeksCapacity() {
        Capacity capacity = capacity("PNGM", 3, 0.05);

        assertThat(IntStream.range(0, WEEKS).mapToObj(w -> capacity.itemsIn(FIRST_MONDAY.plusWeeks(w))))
                .allSatisfy(items -> assertThat(items.risk() + items.control()).isEqualTo(3));
    }

    @Test
    void aCenterWeekAlwaysGetsTheSameControlItems() {
        Capacity capacity = capacity("PNGM", 3, 0.05);
        Capacity sameSetting = capacity("PNGM", 3, 0.05);

        assertThat(controlItemsOverWeeks(capacity)).containsExactly(controlItemsOverWeeks(sameSetting));
        assertThat(capacity.itemsIn(FIRST_MONDAY.plusDays(3))).isEqualTo(capacity.itemsIn(FIRST_MONDAY));
    }

    @Test
    void centersDrawTheirWeeksIndependently() {
        int[] pngm = controlItemsOverWeeks(capacity("PNGM", 5, 0.10));
        int[] elec = controlItemsOverWeeks(capacity("ELEC", 5, 0.10));

        long both = IntStream.range(0, WEEKS)
                .filter(w -> pngm[w] == 1 && elec[w] == 1)
                .count();
        // a half each: about a quarter of the weeks have a control item at both
        assertThat(both / (double) WEEKS).isCloseTo(0.25, within(0.04));
    }

    @Test
    void theExpectedControlItemsAreTheShareOfCapacityWithoutBinaryNoise() {
        assertThat(capacity("PNGM", 3, 0.05).expectedControlItems()).isEqualByComparingTo("0.15");
        assertThat(capacity("PNGM", 3, 0.10).expectedControlItems()).isEqualByComparingTo("0.3");
        assertThat(capacity("PNGM", 0, 0.10).expectedControlItems()).isEqualByComparingTo("0");
    }

    @Test
    void aControlShareOutsideFiveToTenPercentIsRefused() {
        assertThatThrownBy(() -> capacity("ELEC", 10, 0.2))
                .isInstanceOfSatisfying(Invalid.class, refused -> {
                    assertThat(refused.field()).isEqualTo("controlShare");
                    assertThat(refused.code()).isEqualTo("CONTROL_SHARE_RANGE");
                })
                .hasMessageContaining("5% to 10%");
    }
}

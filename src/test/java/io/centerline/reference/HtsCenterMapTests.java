package io.centerline.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtsCenterMapTests {

    private static final CenterCode AGRI = CenterCode.of("AGRI");
    private static final CenterCode MACH = CenterCode.of("MACH");
    private static final CenterCode ELEC = CenterCode.of("ELEC");

    private static HtsCenterRange range(String from, String to, CenterCode center) {
        return new HtsCenterRange(from, to, center, center.value());
    }

    private static HtsCenterMap map(HtsCenterRange... ranges) {
        return new HtsCenterMap(
                1, LocalDate.of(2026, 1, 1), Instant.parse("2026-01-01T00:00:00Z"), "test", "", List.of(ranges), null);
    }

    // deliberately out of order: the map sorts its ranges
    private final HtsCenterMap map =
            map(range("8471", "8473", ELEC), range("0101", "2400", AGRI), range("8401", "8470", MACH));

    @Test
    void aReplacementThatMovesHeadingsBetweenCentersLosesNone() {
        HtsCenterMap moved = map(range("0101", "2400", AGRI), range("8401", "8472", MACH), range("8473", "8473", ELEC));

        assertThat(moved.uncoveredFrom(map)).isEmpty();
    }

    @Test
    void theHeadingsAnEarlierMapRoutedAndAReplacementDoesNotAreNamedInRunsAcrossChapters() {
        HtsCenterMap earlier = map(range("0101", "9799", AGRI));
        HtsCenterMap replacement = map(range("0101", "2498", AGRI), range("2502", "9100", MACH));

        assertThat(replacement.uncoveredFrom(earlier)).containsExactly("2499-2501", "9101-9799");
        assertThat(map.uncoveredFrom(map(range("2401", "2402", AGRI)))).containsExactly("2401-2402");
    }

    @Test
    void theFirstAndLastHeadingOfARangeBelongToItsCenter() {
        assertThat(map.centerFor("0101")).contains(AGRI);
        assertThat(map.centerFor("2400")).contains(AGRI);
        assertThat(map.centerFor("8401")).contains(MACH);
        assertThat(map.centerFor("8470")).contains(MACH);
        assertThat(map.centerFor("8471")).contains(ELEC);
        assertThat(map.centerFor("8473")).contains(ELEC);
    }

    @Test
    void aHeadingInsideARangeBelongsToItsCenter() {
        assertThat(map.centerFor("1006")).contains(AGRI);
        assertThat(map.centerFor("8472")).contains(ELEC);
    }

    @Test
    void aHeadingBetweenRangesOrOutsideThemHasNoCenter() {
        assertThat(map.centerFor("2401")).isEmpty();
        assertThat(map.centerFor("8400")).isEmpty();
        assertThat(map.centerFor("0100")).isEmpty();
        assertThat(map.centerFor("8474")).isEmpty();
        assertThat(map.centerFor("9999")).isEmpty();
    }

    @Test
    void theRangesAreHeldInHeadingOrder() {
        assertThat(map.ranges()).extracting(HtsCenterRange::headingFrom).containsExactly("0101", "8401", "8471");
    }

    @Test
    void anEmptyMapHasNoCenterForAnyHeading() {
        assertThat(map().centerFor("8471")).isEmpty();
    }

    @Test
    void overlappingRangesAreRefusedNamingBoth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        map(range("8401", "8471", MACH), range("0101", "2400", AGRI), range("8471", "8473", ELEC)))
                .withMessage("Heading ranges overlap: 8401-8471 and 8471-8473");
    }

    @Test
    void aRangeInsideAnotherIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> map(range("8401", "8500", MACH), range("8471", "8473", ELEC)))
                .withMessage("Heading ranges overlap: 8401-8500 and 8471-8473");
    }

    @Test
    void aRangeHasFourDigitHeadingsRunningForwards() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> range("847", "8473", ELEC))
                .withMessage("Headings are 4 digits: '847' to '8473'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> range("8473", "8471", ELEC))
                .withMessage("Heading range 8473-8471 runs backwards");
    }

    @Test
    void aRangeContainsItsBoundsAndWhatLiesBetween() {
        HtsCenterRange range = range("8471", "8473", ELEC);

        assertThat(range.contains("8471")).isTrue();
        assertThat(range.contains("8473")).isTrue();
        assertThat(range.contains("8470")).isFalse();
        assertThat(range.contains("8474")).isFalse();
    }
}

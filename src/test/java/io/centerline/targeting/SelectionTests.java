package io.centerline.targeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SelectionTests {

    private static final String CENTER = "PNGM";
    private static final LocalDate WEEK = LocalDate.of(2026, 3, 2);
    private static final Clock AFTERWARDS =
            Clock.fixed(LocalDate.of(2026, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private int serial;

    /** Selection with nothing stored, under one capacity for every week. */
    private static Selection selection(int itemsPerWeek, double controlShare, double trustedPartnerFactor) {
        Capacity capacity =
                new Capacity(CENTER, "q", itemsPerWeek, controlShare, trustedPartnerFactor, LocalDate.MIN, "t");
        return new Selection((center, week) -> new Selection.Week(0), (center, date) -> capacity, AFTERWARDS, 7);
    }

    @Test
    void afterARestartTheThresholdIsTakenFromTheLatestStoredScoresNotTheColdStartOne() {
        Capacity capacity = new Capacity(CENTER, "q", 10, 0.05, 0.5, LocalDate.MIN, "t");
        // 1,000 stored scores, newest first, spread evenly from 0 to 0.25, in weeks of 250 arrivals
        double[] stored =
                IntStream.range(0, 1000).mapToDouble(i -> (1000 - i) / 4000.0).toArray();
        Selection restarted = new Selection(
                new Selection.StoredWeeks() {
                    @Override
                    public Selection.Week read(String center, LocalDate week) {
                        return new Selection.Week(week.isBefore(WEEK) ? 250 : 0);
                    }

                    @Override
                    public double[] latestScores(String center, int limit) {
                        return stored;
                    }
                },
                (center, date) -> capacity,
                AFTERWARDS,
                7);

        Filed first = file(restarted, WEEK, 0.245, false);

        // 10 items in a week of about 250 arrivals: the top 4 % of 0 to 0.25, from about 0.24 up
        assertThat(first.decision().threshold()).isCloseTo(0.24, within(0.002));
        assertThat(first.decision().kind()).isEqualTo(Selection.Kind.RISK);
    }

    /** A summary of the Center entered on the date, and how selection decided it. */
    private record Filed(EntryKey key, boolean trustedPartner, double score, Selection.Decision decision) {}

    /** Files a summary; its number is one the control draw does not take at these volumes (a draw of 0.5 or more). */
    private Filed file(Selection selection, LocalDate date, double score, boolean trustedPartner) {
        return file(selection, CENTER, date, score, trustedPartner);
    }

    private Filed file(Selection selection, String center, LocalDate date, double score, boolean trustedPartner) {
        EntryKey key = unDrawnKey(selection);
        return new Filed(
                key,
                trustedPartner,
                score,
                selection.decide(selection.committedRound(), key, center, date, score, trustedPartner));
    }

    /** Selection under one capacity that has seen {@link #fileFourWeeksOfEvenScores four weeks of even scores}. */
    private Selection afterFourWeeksOfEvenScores(int itemsPerWeek, double controlShare, double trustedPartnerFactor) {
        Selection selection = selection(itemsPerWeek, controlShare, trustedPartnerFactor);
        fileFourWeeksOfEvenScores(selection);
        return selection;
    }

    /** Four weeks before the week under test, each of 500 summaries scored evenly from 0 to 1. */
    private void fileFourWeeksOfEvenScores(Selection selection) {
        fileFourWeeksOfEvenScores(selection, CENTER);
    }

    private void fileFourWeeksOfEvenScores(Selection selection, String center) {
        for (int week = 4; week >= 1; week--) {
            for (int i = 0; i < 500; i++) {
                file(selection, center, WEEK.minusWeeks(week), (i + 0.5) / 500, false);
            }
        }
    }

    /** The keys holding a risk item once every summary is filed: those selected for risk and not displaced after. */
    private static Set<EntryKey> heldForRisk(List<Filed> filed) {
        Set<EntryKey> held = new HashSet<>();
        for (Filed f : filed) {
            if (f.decision().kind() == Selection.Kind.RISK) {
                held.add(f.key());
                held.remove(f.decision().displaced());
            }
            f.decision().promoted().forEach(promoted -> {
                held.add(promoted.key());
                held.remove(promoted.displaced());
            });
        }
        return held;
    }

    /**
     * Trusted partners' and the others' summaries filed alike in a burst week at each of twelve Centers: 2,000 of each
     * kind a Center, their scores drawn from one distribution, in a week that expects 500. How a week's items end up
     * shared depends on how the Center's recent scores happen to lie in the top few per cent, so the shares are taken
     * over the twelve weeks.
     */
    private static final int CENTERS = 12;

    private List<Filed> fileBurstWeeks(double trustedPartnerFactor) {
        Selection selection = selection(200, 0.10, trustedPartnerFactor);
        Random random = new Random(20260302);
        List<Filed> filed = new ArrayList<>();
        for (int center = 0; center < CENTERS; center++) {
            String code = "C" + center;
            fileFourWeeksOfEvenScores(selection, code);
            for (int i = 0; i < 4_000; i++) {
                filed.add(file(selection, code, WEEK, Math.pow(random.nextDouble(), 3), i % 2 == 0));
            }
        }
        return filed;
    }

    /** The share of trusted partners' (or the others') summaries that hold a risk item once all are filed. */
    private static double heldShare(List<Filed> filed, boolean trustedPartner) {
        Set<EntryKey> held = heldForRisk(filed);
        List<Filed> kind =
                filed.stream().filter(f -> f.trustedPartner() == trustedPartner).toList();
        return kind.stream().filter(f -> held.contains(f.key())).count() / (double) kind.size();
    }

    /** A summary of the Center filed with any number, as the control draw meets it, and how selection decided it. */
    private Filed drawn(Selection selection, String center, LocalDate date, double score, boolean trustedPartner) {
        EntryKey key = new EntryKey("CTL" + String.format("%08d", ++serial), 1);
        return new Filed(
                key,
                trustedPartner,
                score,
                selection.decide(selection.committedRound(), key, center, date, score, trustedPartner));
    }

    /** The keys holding a control item once every summary is filed: those drawn and not displaced by a lower draw. */
    private static List<EntryKey> heldForControl(List<Filed> filed) {
        List<EntryKey> held = new ArrayList<>();
        for (Filed f : filed) {
            if (f.decision().kind() == Selection.Kind.CONTROL) {
                held.add(f.key());
                held.remove(f.decision().displaced());
            }
        }
        return held;
    }

    @Test
    void aWeekEndsWithItsControlItemsHeldByTheSummariesItDrewLowest() {
        Selection selection = afterFourWeeksOfEvenScores(20, 0.10, 1);
        int items = new Capacity(CENTER, "q", 20, 0.10, 1, LocalDate.MIN, "t")
                .itemsIn(WEEK)
                .control();
        List<Filed> week = IntStream.range(0, 500)
                .mapToObj(i -> drawn(selection, CENTER, WEEK, 0.1, false))
                .toList();

        List<EntryKey> lowest = week.stream()
                .map(Filed::key)
                .sorted(Comparator.comparingDouble(selection::draw))
                .limit(items)
                .toList();
        assertThat(items).isPositive();
        assertThat(heldForControl(week)).containsExactlyInAnyOrderElementsOf(lowest);
    }

    @Test
    void aWeekTakesItsControlItemsWhateverTheOrderOfItsDraws() {
        Selection selection = afterFourWeeksOfEvenScores(20, 0.05, 1);
        int weeks = 40;
        for (int week = 0; week < weeks; week++) {
            LocalDate date = WEEK.plusWeeks(week);
            List<Filed> filed = IntStream.range(0, 500)
                    .mapToObj(i -> drawn(selection, CENTER, date, 0.1, false))
                    .toList();
            assertThat(heldForControl(filed))
                    .as("control items of week %d", week)
                    .hasSize(new Capacity(CENTER, "q", 20, 0.05, 1, LocalDate.MIN, "t")
                            .itemsIn(date)
                            .control());
        }
    }

    @Test
    void inAWeekBusierThanExpectedTheControlSampleIsSpreadOverTheWholeWeekNotItsFirstArrivals() {
        // weeks of 100 summaries, then a week that brings 2,000: drawn at the expected rate, the first arrivals of
        // the burst would have taken every control item
        Selection selection = selection(20, 0.10, 1);
        List<Double> positions = new ArrayList<>();
        for (int center = 0; center < 40; center++) {
            String code = "B" + center;
            for (int week = 4; week >= 1; week--) {
                for (int i = 0; i < 100; i++) {
                    drawn(selection, code, WEEK.minusWeeks(week), 0.1, false);
                }
            }
            List<Filed> burst = IntStream.range(0, 2_000)
                    .mapToObj(i -> drawn(selection, code, WEEK, 0.1, false))
                    .toList();
            List<EntryKey> keys = burst.stream().map(Filed::key).toList();
            heldForControl(burst).forEach(key -> positions.add(keys.indexOf(key) / 2_000.0));
        }

        assertThat(positions).hasSizeGreaterThan(40);
        assertThat(positions.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .isCloseTo(0.5, within(0.1));
        assertThat(positions.stream().filter(p -> p < 0.1).count())
                .as("control items held by the first tenth of the arrivals")
                .isLessThan(positions.size() / 5);
    }

    @Test
    void trustedPartnersAreDrawnForTheControlSampleAtAboutTheFactorTimesTheOthersRate() {
        Selection selection = selection(100, 0.10, 0.5);
        int trustedHeld = 0;
        int othersHeld = 0;
        for (int week = 0; week < 60; week++) {
            LocalDate date = WEEK.plusWeeks(week);
            List<Filed> filed = IntStream.range(0, 400)
                    .mapToObj(i -> drawn(selection, CENTER, date, 0.1, i % 2 == 0))
                    .toList();
            List<EntryKey> held = heldForControl(filed);
            for (Filed f : filed) {
                if (held.contains(f.key())) {
                    if (f.trustedPartner()) {
                        trustedHeld++;
                    } else {
                        othersHeld++;
                    }
                }
            }
        }

        assertThat(othersHeld).isGreaterThan(300);
        assertThat(trustedHeld / (double) othersHeld).isCloseTo(0.5, within(0.1));
    }

    @Test
    void aWeekHoldingMoreControlSelectionsThanItsItemsTakesNoMore() {
        // two control selections stored under an earlier, larger capacity; the one in force gives the week one item
        EntryKey first = new EntryKey("CTL99999991", 1);
        EntryKey second = new EntryKey("CTL99999992", 1);
        Capacity capacity = new Capacity(CENTER, "q", 20, 0.05, 1, LocalDate.MIN, "t");
        Selection selection = new Selection(
                (center, week) -> {
                    Selection.Week stored = new Selection.Week(week.equals(WEEK) ? 2 : 0);
                    if (week.equals(WEEK)) {
                        stored.storedControl(first, 0.1, false, false);
                        stored.storedControl(second, 0.1, false, false);
                    }
                    return stored;
                },
                (center, date) -> capacity,
                AFTERWARDS,
                7);
        assertThat(capacity.itemsIn(WEEK).control()).isEqualTo(1);

        List<Filed> filed = IntStream.range(0, 2_000)
                .mapToObj(i -> drawn(selection, CENTER, WEEK, 0.1, false))
                .toList();

        assertThat(filed).noneMatch(f -> f.decision().kind() == Selection.Kind.CONTROL);
    }

    @Test
    void aRiskySummaryThatGivesItsControlItemToALowerDrawTakesARiskItemInstead() {
        Selection selection = afterFourWeeksOfEvenScores(20, 0.05, 1);
        EntryKey risky = keyDrawnBetween(selection, 0.005, 0.015);
        EntryKey lower = keyDrawnBetween(selection, 0, selection.draw(risky));

        Selection.Decision drawn = selection.decide(selection.committedRound(), risky, CENTER, WEEK, 0.99, false);
        Selection.Decision inItsPlace = selection.decide(selection.committedRound(), lower, CENTER, WEEK, 0.01, false);

        assertThat(drawn.kind()).isEqualTo(Selection.Kind.CONTROL);
        assertThat(inItsPlace.ground()).isEqualTo(SelectionGround.CONTROL_DRAW_IN_PLACE);
        assertThat(inItsPlace.displaced()).isEqualTo(risky);
        assertThat(inItsPlace.moved()).isNotNull();
        assertThat(inItsPlace.moved().ground()).isEqualTo(SelectionGround.RISKIEST);
    }

    @Test
    void aSummaryNotRiskyEnoughThatGivesItsControlItemAwayIsNotSelected() {
        Selection selection = afterFourWeeksOfEvenScores(20, 0.05, 1);
        EntryKey plain = keyDrawnBetween(selection, 0.005, 0.015);
        EntryKey lower = keyDrawnBetween(selection, 0, selection.draw(plain));

        selection.decide(selection.committedRound(), plain, CENTER, WEEK, 0.2, false);
        Selection.Decision inItsPlace = selection.decide(selection.committedRound(), lower, CENTER, WEEK, 0.01, false);

        assertThat(inItsPlace.displaced()).isEqualTo(plain);
        assertThat(inItsPlace.moved()).isNull();
    }

    private EntryKey keyDrawnBetween(Selection selection, double from, double to) {
        EntryKey key;
        do {
            key = new EntryKey("MOV" + String.format("%08d", ++serial), 1);
        } while (selection.draw(key) < from || selection.draw(key) >= to);
        return key;
    }

    @Test
    void aReviewedControlSelectionNeverGivesWay() {
        Selection selection = afterFourWeeksOfEvenScores(20, 0.05, 1);
        List<Filed> filed = new ArrayList<>();
        Filed first;
        do {
            first = drawn(selection, CENTER, WEEK, 0.1, false);
            filed.add(first);
        } while (first.decision().kind() != Selection.Kind.CONTROL);
        selection.reviewed(first.key(), CENTER, WEEK);

        for (int i = 0; i < 2_000; i++) {
            filed.add(drawn(selection, CENTER, WEEK, 0.1, false));
        }

        EntryKey reviewed = first.key();
        assertThat(filed).noneMatch(f -> reviewed.equals(f.decision().displaced()));
        assertThat(heldForControl(filed)).contains(reviewed);
    }

    @Test
    void aTrustedSummaryRiskierThanEveryRecentScoreCompetesAtItsOwnScore() {
        Selection selection = selection(10, 0.10, 0.5);
        for (int week = 4; week >= 1; week--) {
            for (int i = 0; i < 500; i++) {
                file(selection, WEEK.minusWeeks(week), (i + 0.5) / 1000, false);
            }
        }
        for (int i = 0; i < 9; i++) {
            assertThat(file(selection, WEEK, 0.6, false).decision().kind()).isEqualTo(Selection.Kind.RISK);
        }

        Filed trusted = file(selection, WEEK, 0.95, true);

        assertThat(trusted.decision().kind()).isEqualTo(Selection.Kind.RISK);
        assertThat(trusted.decision().displaced()).isNotNull();
    }

    @Test
    void inAFullWeekTrustedPartnersKeepItemsAtTheFactorTimesTheOthersRate() {
        List<Filed> filed = fileBurstWeeks(0.5);

        assertThat(heldForRisk(filed)).as("the weeks' risk items").hasSize(CENTERS * 180);
        assertThat(filed.stream().filter(f -> f.decision().displaced() != null))
                .as("selections that gave way")
                .hasSizeGreaterThan(CENTERS * 20);
        // of a week's 180 items, about 120 for the others' 2,000 summaries and 60 for trusted partners': the ratio of
        // the shares over twelve weeks varies by about 0.035 from one sample of scores to another
        assertThat(heldShare(filed, true) / heldShare(filed, false)).isCloseTo(0.5, within(0.1));
    }

    @Test
    void withAFactorOfOneTrustedPartnersCompeteAsTheOthersDo() {
        List<Filed> filed = fileBurstWeeks(1.0);

        // 90 items a week for each kind: the ratio varies by about 0.05 from one sample of scores to another
        assertThat(heldShare(filed, true) / heldShare(filed, false)).isCloseTo(1.0, within(0.15));
    }

    // Under a capacity of 10 at 10 % (one control item and nine risk items a week) after four weeks of 500 summaries
    // scored evenly from 0 to 1: the others are selected from about 0.983, trusted partners at a factor of 0.25 from
    // about 0.996, and a trusted summary of 0.999 (in the top 0.2 to 0.7 % of recent scores with those of the week)
    // competes as one in the top 0.8 to 2.6 %, at 0.979 to 0.993.

    @Test
    void aSummaryTurnedAwayBelowAnEarlierThresholdTakesAFreeItemBeforeALessRiskyOneThatMeetsALaterThreshold() {
        Selection selection = afterFourWeeksOfEvenScores(10, 0.10, 0.5);
        Filed early = file(selection, WEEK, 0.9, false);
        // the Center's recent scores fall: a run of summaries of the next week in which nothing was found
        IntStream.range(0, 2_048).forEach(i -> file(selection, WEEK.plusWeeks(1), 0.0, false));

        Filed later = file(selection, WEEK, 0.5, false);

        assertThat(early.decision().ground()).isEqualTo(SelectionGround.BELOW_THRESHOLD);
        assertThat(later.decision().kind()).isEqualTo(Selection.Kind.RISK);
        assertThat(later.decision().promoted())
                .extracting(Selection.Promoted::key)
                .containsExactly(early.key());
        assertThat(later.decision().promoted().get(0).threshold()).isLessThanOrEqualTo(0.5);
    }

    @Test
    void aCapacityRaisedWhileTheWeekRunsGivesItsFreeItemsToTheRiskiestItTurnedAwayThatMeetTheNewThreshold() {
        AtomicReference<Capacity> capacity =
                new AtomicReference<>(new Capacity(CENTER, "q", 3, 0.05, 0.5, LocalDate.MIN, "t"));
        Selection selection =
                new Selection((center, week) -> new Selection.Week(0), (center, date) -> capacity.get(), AFTERWARDS, 7);
        fileFourWeeksOfEvenScores(selection);
        List<Filed> held = IntStream.range(0, 3)
                .mapToObj(i -> file(selection, WEEK, 0.999 - i * 0.0001, false))
                .toList();
        Filed turnedAway = file(selection, WEEK, 0.998, false);
        Filed lessRisky = file(selection, WEEK, 0.97, false);
        Filed nothing = file(selection, WEEK, 0.2, false);
        assertThat(held).allSatisfy(f -> assertThat(f.decision().kind()).isEqualTo(Selection.Kind.RISK));
        assertThat(turnedAway.decision().ground()).isEqualTo(SelectionGround.ITEMS_TAKEN);
        assertThat(lessRisky.decision().ground()).isEqualTo(SelectionGround.BELOW_THRESHOLD);

        capacity.set(new Capacity(CENTER, "q", 20, 0.05, 0.5, LocalDate.MIN, "t"));
        Selection.Freed freed = selection.fillFreeItems(selection.committedRound(), CENTER, WEEK.plusDays(2));

        assertThat(freed.items().risk()).isEqualTo(19);
        assertThat(freed.promoted())
                .extracting(Selection.Promoted::key)
                .containsExactly(turnedAway.key(), lessRisky.key())
                .doesNotContain(nothing.key());
        assertThat(selection
                        .fillFreeItems(selection.committedRound(), CENTER, WEEK.plusDays(2))
                        .promoted())
                .as("each takes one item once")
                .isEmpty();
    }

    /** Selection with nothing stored, under the capacity the reference holds, which a test may change. */
    private static Selection underChangingCapacity(AtomicReference<Capacity> capacity) {
        return new Selection((center, week) -> new Selection.Week(0), (center, date) -> capacity.get(), AFTERWARDS, 7);
    }

    /**
     * A week of a capacity of 20 at 10 % (18 risk items and 2 control items) filled: its two control items taken by the
     * lowest draws and its risk items by summaries of 0.99; then the capacity is lowered to 5 while the week runs.
     */
    private List<Filed> fillAWeekOfTwentyThenLowerItToFive(AtomicReference<Capacity> capacity, Selection selection) {
        fileFourWeeksOfEvenScores(selection);
        List<Filed> held = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            EntryKey key = keyDrawnBetween(selection, 0, 0.0005);
            held.add(new Filed(
                    key, false, 0.1, selection.decide(selection.committedRound(), key, CENTER, WEEK, 0.1, false)));
        }
        IntStream.range(0, 18).forEach(i -> held.add(file(selection, WEEK, 0.99, false)));
        assertThat(held)
                .extracting(f -> f.decision().kind())
                .containsOnly(Selection.Kind.CONTROL, Selection.Kind.RISK)
                .filteredOn(Selection.Kind.CONTROL::equals)
                .hasSize(2);
        capacity.set(new Capacity(CENTER, "q", 5, 0.10, 0.5, LocalDate.MIN, "t"));
        return held;
    }

    @Test
    void aWeekHoldingMoreSelectionsThanACapacityLoweredWhileItRunsSelectsNothingMoreNorInPlaceOfAnother() {
        AtomicReference<Capacity> capacity =
                new AtomicReference<>(new Capacity(CENTER, "q", 20, 0.10, 0.5, LocalDate.MIN, "t"));
        Selection selection = underChangingCapacity(capacity);
        fillAWeekOfTwentyThenLowerItToFive(capacity, selection);

        List<Filed> riskier = IntStream.range(0, 20)
                .mapToObj(i -> file(selection, WEEK.plusDays(1), 0.9999, false))
                .toList();
        List<Filed> drawnLowest = IntStream.range(0, 3)
                .mapToObj(i -> {
                    EntryKey key = keyDrawnBetween(selection, 0, 0.0001);
                    return new Filed(
                            key,
                            false,
                            0.2,
                            selection.decide(selection.committedRound(), key, CENTER, WEEK.plusDays(1), 0.2, false));
                })
                .toList();

        assertThat(Stream.concat(riskier.stream(), drawnLowest.stream())).allSatisfy(f -> {
            assertThat(f.decision().kind()).isEqualTo(Selection.Kind.NONE);
            assertThat(f.decision().ground()).isEqualTo(SelectionGround.OVER_CAPACITY);
            assertThat(f.decision().displaced()).isNull();
            assertThat(f.decision().promoted()).isEmpty();
            assertThat(f.decision().capacity().itemsPerWeek()).isEqualTo(5);
        });
    }

    @Test
    void aCapacityRaisedAgainAboveWhatTheWeekHoldsGivesItsFreeItemsToTheRiskiestTurnedAwayWhileItWasOver() {
        AtomicReference<Capacity> capacity =
                new AtomicReference<>(new Capacity(CENTER, "q", 20, 0.10, 0.5, LocalDate.MIN, "t"));
        Selection selection = underChangingCapacity(capacity);
        fillAWeekOfTwentyThenLowerItToFive(capacity, selection);
        Filed turnedAway = file(selection, WEEK.plusDays(1), 0.9999, false);
        assertThat(turnedAway.decision().ground()).isEqualTo(SelectionGround.OVER_CAPACITY);
        assertThat(selection
                        .fillFreeItems(selection.committedRound(), CENTER, WEEK.plusDays(1))
                        .promoted())
                .as("nothing is free while the week holds more than its items")
                .isEmpty();

        capacity.set(new Capacity(CENTER, "q", 22, 0.10, 0.5, LocalDate.MIN, "t"));
        Selection.Freed freed = selection.fillFreeItems(selection.committedRound(), CENTER, WEEK.plusDays(2));

        assertThat(freed.promoted()).extracting(Selection.Promoted::key).contains(turnedAway.key());
    }

    @Test
    void aWeekLoweredToExactlyWhatItHoldsLetsARiskierSummaryTakeTheItemOfTheLeastRisky() {
        AtomicReference<Capacity> capacity =
                new AtomicReference<>(new Capacity(CENTER, "q", 20, 0.10, 0.5, LocalDate.MIN, "t"));
        Selection selection = underChangingCapacity(capacity);
        fillAWeekOfTwentyThenLowerItToFive(capacity, selection);
        capacity.set(new Capacity(CENTER, "q", 20, 0.10, 0.5, LocalDate.MIN, "t"));

        Filed riskier = file(selection, WEEK.plusDays(1), 0.9999, false);

        assertThat(riskier.decision().ground()).isEqualTo(SelectionGround.RISKIEST_IN_PLACE);
    }

    @Test
    void onceARaiseEndsTheExcessTheSummariesTurnedAwayOverCapacityTakeTheFreeItemsThenThePlacesOfLessRiskySelections() {
        AtomicReference<Capacity> capacity =
                new AtomicReference<>(new Capacity(CENTER, "q", 20, 0.10, 0.5, LocalDate.MIN, "t"));
        Selection selection = underChangingCapacity(capacity);
        List<Filed> held = fillAWeekOfTwentyThenLowerItToFive(capacity, selection);
        List<Filed> turnedAway = IntStream.range(0, 3)
                .mapToObj(i -> file(selection, WEEK.plusDays(1), 0.9999 - i * 0.0001, false))
                .toList();
        assertThat(turnedAway)
                .allSatisfy(f -> assertThat(f.decision().ground()).isEqualTo(SelectionGround.OVER_CAPACITY));

        // 22 at 10 %: two or three control items and one or two risk items more than the 18 the week holds
        capacity.set(new Capacity(CENTER, "q", 22, 0.10, 0.5, LocalDate.MIN, "t"));
        int free = capacity.get().itemsIn(WEEK).risk() - 18;
        Selection.Freed freed = selection.fillFreeItems(selection.committedRound(), CENTER, WEEK.plusDays(2));

        assertThat(free).isBetween(1, 2);
        assertThat(freed.promoted())
                .extracting(Selection.Promoted::key)
                .containsExactlyElementsOf(turnedAway.stream().map(Filed::key).toList());
        assertThat(freed.promoted())
                .extracting(Selection.Promoted::ground)
                .containsExactlyElementsOf(Stream.concat(
                                Stream.generate(() -> SelectionGround.RISKIEST_FREED)
                                        .limit(free),
                                Stream.generate(() -> SelectionGround.RISKIEST_FREED_IN_PLACE)
                                        .limit(3 - free))
                        .toList());
        List<EntryKey> lessRisky = held.stream()
                .filter(f -> f.decision().kind() == Selection.Kind.RISK)
                .map(Filed::key)
                .toList();
        assertThat(freed.promoted())
                .filteredOn(p -> p.ground() == SelectionGround.RISKIEST_FREED_IN_PLACE)
                .allSatisfy(p -> {
                    assertThat(lessRisky).contains(p.displaced());
                    assertThat(p.displacedScore()).isEqualTo(0.99);
                });
        assertThat(freed.capacity().itemsPerWeek()).isEqualTo(22);
    }

    @Test
    void theSummariesTurnedAwayOverCapacityCompeteBeforeALaterLessRiskySummaryTakesTheItemOfAnother() {
        AtomicReference<Capacity> capacity =
                new AtomicReference<>(new Capacity(CENTER, "q", 20, 0.10, 0.5, LocalDate.MIN, "t"));
        Selection selection = underChangingCapacity(capacity);
        List<Filed> filed = new ArrayList<>(fillAWeekOfTwentyThenLowerItToFive(capacity, selection));
        List<Filed> turnedAway = IntStream.range(0, 2)
                .mapToObj(i -> file(selection, WEEK.plusDays(1), 0.9999 - i * 0.0001, false))
                .toList();
        filed.addAll(turnedAway);
        // raised back to what the week holds, in force from a day of the week without a decision of its own
        capacity.set(new Capacity(CENTER, "q", 20, 0.10, 0.5, LocalDate.MIN, "t"));

        Filed later = file(selection, WEEK.plusDays(3), 0.995, false);
        filed.add(later);

        assertThat(later.decision().promoted())
                .extracting(Selection.Promoted::key, Selection.Promoted::ground)
                .containsExactly(
                        tuple(turnedAway.get(0).key(), SelectionGround.RISKIEST_FREED_IN_PLACE),
                        tuple(turnedAway.get(1).key(), SelectionGround.RISKIEST_FREED_IN_PLACE));
        assertThat(later.decision().ground()).isEqualTo(SelectionGround.RISKIEST_IN_PLACE);
        assertThat(later.decision().displacedScore()).isEqualTo(0.99);
        assertThat(heldForRisk(filed))
                .hasSize(18)
                .contains(turnedAway.get(0).key(), turnedAway.get(1).key(), later.key());
    }

    @Test
    void aSummaryTurnedAwayOverCapacityThatLosesOnceTheExcessEndsIsTurnedAwayAgainUnderTheCapacityInForce() {
        AtomicReference<Capacity> capacity =
                new AtomicReference<>(new Capacity(CENTER, "q", 20, 0.10, 0.5, LocalDate.MIN, "t"));
        Selection selection = underChangingCapacity(capacity);
        fillAWeekOfTwentyThenLowerItToFive(capacity, selection);
        Filed risky = file(selection, WEEK.plusDays(1), 0.985, false);
        Filed plain = file(selection, WEEK.plusDays(1), 0.3, false);
        assertThat(List.of(risky, plain))
                .allSatisfy(f -> assertThat(f.decision().ground()).isEqualTo(SelectionGround.OVER_CAPACITY));

        capacity.set(new Capacity(CENTER, "q", 20, 0.10, 0.5, LocalDate.MIN, "t"));
        Selection.Freed freed = selection.fillFreeItems(selection.committedRound(), CENTER, WEEK.plusDays(2));

        assertThat(freed.promoted()).isEmpty();
        assertThat(freed.turnedAwayAgain())
                .extracting(Selection.TurnedAwayAgain::key, Selection.TurnedAwayAgain::ground)
                .containsExactly(
                        tuple(risky.key(), SelectionGround.ITEMS_TAKEN),
                        tuple(plain.key(), SelectionGround.BELOW_THRESHOLD));
        assertThat(freed.turnedAwayAgain().get(0).threshold()).isLessThanOrEqualTo(0.985);
        assertThat(freed.turnedAwayAgain().get(1).threshold()).isGreaterThan(0.3);
        assertThat(freed.capacity().itemsPerWeek()).isEqualTo(20);
        assertThat(selection
                        .fillFreeItems(selection.committedRound(), CENTER, WEEK.plusDays(2))
                        .turnedAwayAgain())
                .as("each competes once the excess ends")
                .isEmpty();
    }

    @Test
    void aVersionTurnedAwayTakesNoFreedItemOnceALaterVersionIsScoredInAnotherCenter() {
        AtomicReference<Capacity> capacity =
                new AtomicReference<>(new Capacity(CENTER, "q", 3, 0.05, 0.5, LocalDate.MIN, "t"));
        Selection selection =
                new Selection((center, week) -> new Selection.Week(0), (center, date) -> capacity.get(), AFTERWARDS, 7);
        fileFourWeeksOfEvenScores(selection);
        IntStream.range(0, 3).forEach(i -> file(selection, WEEK, 0.999 - i * 0.0001, false));
        Filed turnedAway = file(selection, WEEK, 0.998, false);
        assertThat(turnedAway.decision().ground()).isEqualTo(SelectionGround.ITEMS_TAKEN);
        EntryKey corrected = new EntryKey(turnedAway.key().entryNumber(), 2);

        selection.decide(selection.committedRound(), corrected, "AFT", WEEK, 0.01, false);
        capacity.set(new Capacity(CENTER, "q", 20, 0.05, 0.5, LocalDate.MIN, "t"));

        assertThat(selection
                        .fillFreeItems(selection.committedRound(), CENTER, WEEK.plusDays(2))
                        .promoted())
                .extracting(Selection.Promoted::key)
                .doesNotContain(turnedAway.key());
    }

    @Test
    void aTrustedSelectionGivesWayToALessRiskyOtherSummaryThatOutranksItAtTheTrustedShare() {
        Selection selection = afterFourWeeksOfEvenScores(10, 0.10, 0.25);
        List<Filed> trusted = IntStream.range(0, 9)
                .mapToObj(i -> file(selection, WEEK, 0.999, true))
                .toList();
        assertThat(trusted).allSatisfy(f -> assertThat(f.decision().kind()).isEqualTo(Selection.Kind.RISK));

        Filed other = file(selection, WEEK, 0.995, false);

        assertThat(other.decision().ground()).isEqualTo(SelectionGround.RISKIEST_IN_PLACE);
        assertThat(other.decision().displacedScore()).isEqualTo(0.999);
        assertThat(trusted.stream().map(Filed::key)).contains(other.decision().displaced());
    }

    @Test
    void anotherSelectionKeepsItsItemAgainstATrustedSummaryScoringHigherButNotAtTheTrustedShare() {
        Selection selection = afterFourWeeksOfEvenScores(10, 0.10, 0.25);
        IntStream.range(0, 9).forEach(i -> file(selection, WEEK, 0.9975, false));

        Filed trusted = file(selection, WEEK, 0.999, true);
        Filed other = file(selection, WEEK, 0.999, false);

        assertThat(trusted.decision().ground()).isEqualTo(SelectionGround.ITEMS_TAKEN);
        assertThat(other.decision().ground()).isEqualTo(SelectionGround.RISKIEST_IN_PLACE);
    }

    @Test
    void aRiskierTrustedSummaryTakesTheItemOfALessRiskyTrustedSelection() {
        Selection selection = afterFourWeeksOfEvenScores(10, 0.10, 0.25);
        IntStream.range(0, 9).forEach(i -> file(selection, WEEK, 0.998, true));

        Filed riskier = file(selection, WEEK, 0.999, true);

        assertThat(riskier.decision().ground()).isEqualTo(SelectionGround.RISKIEST_IN_PLACE);
        assertThat(riskier.decision().displacedScore()).isEqualTo(0.998);
    }

    @Test
    void aReviewedTrustedSelectionNeverGivesWay() {
        Selection selection = afterFourWeeksOfEvenScores(10, 0.10, 0.25);
        List<Filed> trusted = IntStream.range(0, 9)
                .mapToObj(i -> file(selection, WEEK, 0.999, true))
                .toList();
        trusted.forEach(f -> selection.reviewed(f.key(), CENTER, WEEK));

        Filed other = file(selection, WEEK, 0.9995, false);

        assertThat(other.decision().ground()).isEqualTo(SelectionGround.ITEMS_TAKEN);
    }

    @Test
    void aRiskierSummaryTakesTheItemOfASelectionThatAnotherRoundIsStillStoring() {
        Selection selection = afterFourWeeksOfEvenScores(10, 0.10, 1);
        Selection.Round storing = selection.round();
        List<EntryKey> held = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            EntryKey key = unDrawnKey(selection);
            assertThat(selection
                            .decide(storing, key, CENTER, WEEK, 0.991, false)
                            .kind())
                    .isEqualTo(Selection.Kind.RISK);
            held.add(key);
        }

        Selection.Round other = selection.round();
        Selection.Decision riskier = selection.decide(other, unDrawnKey(selection), CENTER, WEEK, 0.999, false);

        assertThat(riskier.ground()).isEqualTo(SelectionGround.RISKIEST_IN_PLACE);
        assertThat(held).contains(riskier.displaced());
        assertThat(riskier.displacedRound()).isSameAs(storing);
        assertThat(storing.isCommitted()).isFalse();
    }

    @Test
    void whatWaitsForARoundRunsOnceItCommitsAtOnceIfItHasAndNeverIfItRollsBack() {
        Selection selection = selection(10, 0.10, 1);
        Selection.Round committing = selection.round();
        Selection.Round rollingBack = selection.round();
        List<String> ran = new ArrayList<>();

        committing.whenCommitted(() -> ran.add("before"));
        rollingBack.whenCommitted(() -> ran.add("rolled back"));
        assertThat(ran).isEmpty();
        committing.committed();
        rollingBack.rolledBack();
        committing.whenCommitted(() -> ran.add("after"));

        assertThat(ran).containsExactly("before", "after");
    }

    private EntryKey unDrawnKey(Selection selection) {
        EntryKey key;
        do {
            key = new EntryKey("SEL" + String.format("%08d", ++serial), 1);
        } while (selection.draw(key) < 0.5);
        return key;
    }

    @Test
    void aWeeksDecisionsCarryItsControlAndRiskItems() {
        Selection selection = selection(3, 0.05, 0.5);
        Capacity.WeekItems items = new Capacity(CENTER, "q", 3, 0.05, 0.5, LocalDate.MIN, "t").itemsIn(WEEK);

        Filed filed = file(selection, WEEK.plusDays(2), 0.4, false);

        assertThat(filed.decision().items()).isEqualTo(items);
        assertThat(RiskAssessment.Grounds.of(filed.decision()))
                .extracting(
                        RiskAssessment.Grounds::itemsPerWeek,
                        RiskAssessment.Grounds::riskItems,
                        RiskAssessment.Grounds::controlItems)
                .containsExactly(3, items.risk(), items.control());
    }

    @Test
    void aWeekHoldsNoMoreControlSelectionsThanItsControlItemsAndNoneInAWeekWithout() {
        Capacity capacity = new Capacity(CENTER, "q", 3, 0.05, 0.5, LocalDate.MIN, "t");
        Selection selection = selection(3, 0.05, 0.5);
        int drawnInWeeksWithout = 0;
        int drawn = 0;
        for (int w = 0; w < 1_000; w++) {
            LocalDate week = WEEK.plusWeeks(w);
            List<Filed> filed = IntStream.range(0, 200)
                    .mapToObj(i -> drawn(selection, CENTER, week, 0, false))
                    .toList();
            int inWeek = heldForControl(filed).size();
            assertThat(inWeek).as("control selections of a week").isLessThanOrEqualTo(1);
            if (capacity.itemsIn(week).control() == 0) {
                drawnInWeeksWithout += (int) filed.stream()
                        .filter(f -> f.decision().kind() == Selection.Kind.CONTROL)
                        .count();
            }
            drawn += inWeek;
        }

        assertThat(drawnInWeeksWithout).isZero();
        assertThat(drawn).isPositive();
    }

    @Test
    void sortedScoresRenewedByMergingAreTheScoresSortedAgain() {
        Random random = new Random(11);
        double[] values = {0.0, -0.0, 0.25, 0.5, 1.0, 0.125};
        for (int round = 0; round < 500; round++) {
            double[] before = new double[random.nextInt(80)];
            for (int i = 0; i < before.length; i++) {
                before[i] = random.nextBoolean() ? values[random.nextInt(values.length)] : random.nextDouble();
            }
            double[] sorted = before.clone();
            Arrays.sort(sorted);
            // take out some of the scores (repeated ones among them) and put others in
            List<Double> remaining = new ArrayList<>();
            List<Double> takenOut = new ArrayList<>();
            for (double score : before) {
                (random.nextInt(4) == 0 ? takenOut : remaining).add(score);
            }
            double[] putIn = new double[random.nextInt(70)];
            for (int i = 0; i < putIn.length; i++) {
                putIn[i] = random.nextBoolean() ? values[random.nextInt(values.length)] : random.nextDouble();
                remaining.add(putIn[i]);
            }
            double[] expected =
                    remaining.stream().mapToDouble(Double::doubleValue).sorted().toArray();

            double[] merged = Selection.merged(
                    sorted, takenOut.stream().mapToDouble(Double::doubleValue).toArray(), putIn);

            assertThat(bits(merged)).containsExactly(bits(expected));
        }
    }

    private static long[] bits(double[] scores) {
        return Arrays.stream(scores).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}

package io.centerline.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.CleanDatabase;
import io.centerline.demo.generator.EntrySummaryGenerator;
import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.demo.generator.GeneratorSettings;
import io.centerline.entries.EntryNumber;
import io.centerline.entries.EntrySummaryIntake;
import io.centerline.entries.IntakeReport;
import io.centerline.entries.RiskReadout;
import io.centerline.entries.intake.JsonSummaryReader;
import io.centerline.entries.intake.ReadRecord;
import io.centerline.entries.intake.SummaryReader;
import io.centerline.identity.Role;
import io.centerline.identity.Users;
import io.centerline.targeting.rules.Rules;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Selection on generated data under a small capacity: four review items a Center a week, 10 % of them for the random
 * control sample (one item in about 40 % of weeks, drawn per Center-week, and three for risk; four for risk in the
 * others). The risk model is switched off and the rules other tests stored are retired, so the detectors decide what
 * is risky.
 */
@SpringBootTest(
        properties = {
            "centerline.targeting.capacity.items-per-week=4",
            "centerline.targeting.capacity.control-share=0.10",
            // other tests train models on a handful of reviews; selection here is judged on rules and detectors
            "centerline.targeting.model.enabled=false"
        })
@Import(CleanDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelectionIntegrationTests {

    private static final int ENTRIES = 3_000;

    /** A specialist of CBP's, who records the reviews of these tests. */
    private static final String REVIEWER = "selection-reviewer";

    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired
    EntrySummaryIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Rules rules;

    @Autowired
    Selection selection;

    @Autowired
    RiskAssessments stored;

    @Autowired
    AssessmentWords words;

    @Autowired
    Outcomes outcomes;

    @Autowired
    Users users;

    @Autowired
    AssessmentReadout readout;

    @Autowired
    Capacities capacities;

    @Autowired
    Scoring scoring;

    private final List<String> numbers = new ArrayList<>();
    private final Map<String, Boolean> planted = new HashMap<>();
    private List<Assessed> assessed;

    record Assessed(String entryNumber, String center, LocalDate week, double score, String selection) {}

    @BeforeAll
    void ingestGeneratedSummaries() {
        if (!users.exists(REVIEWER)) {
            users.create(REVIEWER, "password-for-tests", EnumSet.of(Role.SPECIALIST), "test");
        }
        // rules that other tests left in force in the shared database would apply to every summary scored here
        rules.all().stream()
                .map(rule -> rule.code().value())
                .distinct()
                .forEach(code -> rules.retire(code, null, "Selection is judged on the detectors", "test"));
        Iterator<GeneratedEntry> entries =
                new EntrySummaryGenerator(GeneratorSettings.of(ENTRIES, 424_242, LocalDate.of(2026, 6, 30))).iterator();
        SummaryReader reader = new SummaryReader() {
            int position;

            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public ReadRecord next() {
                GeneratedEntry entry = entries.next();
                String number = EntryNumber.parse(entry.summary().entryNumber()).value();
                numbers.add(number);
                planted.put(number, entry.isPlanted());
                return new ReadRecord.Parsed(++position, entry.summary());
            }

            @Override
            public void close() {}
        };
        intake.ingest(reader, "test", done -> {}, rejected -> {});
        assessed = assessments();
    }

    @Test
    void everyAcceptedSummaryIsAssessedOnce() {
        assertThat(assessed).hasSize(numbers.size());
    }

    @Test
    void noCenterWeekGetsMoreRiskSelectionsThanItsRiskItemsNorMoreControlThanItsControlItems() {
        Map<String, int[]> perWeek = new HashMap<>();
        Map<String, Capacity.WeekItems> items = new HashMap<>();
        for (Assessed a : assessed) {
            String centerWeek = a.center() + "|" + a.week();
            int[] counts = perWeek.computeIfAbsent(centerWeek, k -> new int[2]);
            items.computeIfAbsent(centerWeek, k -> itemsOf(a.center(), a.week()));
            if ("RISK".equals(a.selection())) {
                counts[0]++;
            } else if ("CONTROL".equals(a.selection())) {
                counts[1]++;
            }
        }

        assertThat(perWeek).allSatisfy((centerWeek, counts) -> {
            assertThat(counts[0])
                    .as("risk selections in " + centerWeek)
                    .isLessThanOrEqualTo(items.get(centerWeek).risk());
            assertThat(counts[1])
                    .as("control selections in " + centerWeek)
                    .isLessThanOrEqualTo(items.get(centerWeek).control());
        });
        assertThat(items.values()).extracting(Capacity.WeekItems::control).contains(0, 1);
    }

    @Test
    void aSummarysGroundsKeepTheItemsOfItsCenterWeek() {
        Map<Integer, Integer> checked = new HashMap<>();
        jdbc.sql("select center, entry_date, items_per_week, risk_items, control_items from risk_assessment"
                        + " where entry_number = any(?)")
                .param(numbers.toArray(String[]::new))
                .query(rs -> {
                    Capacity.WeekItems items = itemsOf(rs.getString(1), rs.getObject(2, LocalDate.class));
                    assertThat(rs.getInt(3)).isEqualTo(4);
                    assertThat(List.of(rs.getInt(4), rs.getInt(5))).containsExactly(items.risk(), items.control());
                    checked.merge(items.control(), 1, Integer::sum);
                });

        assertThat(checked).containsOnlyKeys(0, 1);
    }

    @Test
    void theControlSampleIsDrawnWhateverTheScore() {
        List<Assessed> control =
                assessed.stream().filter(a -> "CONTROL".equals(a.selection())).toList();

        assertThat(control).hasSizeGreaterThan(50);
        double meanControl =
                control.stream().mapToDouble(Assessed::score).average().orElseThrow();
        double meanAll =
                assessed.stream().mapToDouble(Assessed::score).average().orElseThrow();
        assertThat(meanControl).isLessThan(meanAll + 0.1);
    }

    @Test
    void aSummarySelectedForRiskHasAScoreAndRanksAboveTheUnselected() {
        List<Assessed> risk =
                assessed.stream().filter(a -> "RISK".equals(a.selection())).toList();
        List<Assessed> unselected =
                assessed.stream().filter(a -> a.selection() == null).toList();

        assertThat(risk).allSatisfy(a -> assertThat(a.score()).isPositive());
        if (!risk.isEmpty()) {
            double meanRisk =
                    risk.stream().mapToDouble(Assessed::score).average().orElseThrow();
            double meanUnselected =
                    unselected.stream().mapToDouble(Assessed::score).average().orElseThrow();
            assertThat(meanRisk).isGreaterThan(meanUnselected);
        }
    }

    @Test
    void selectionForRiskFindsPlantedPatternsFarMoreOftenThanTheControlSample() {
        double risk = plantedShare("RISK");
        double control = plantedShare("CONTROL");

        assertThat(risk).isGreaterThan(0.5);
        assertThat(risk).isGreaterThan(5 * control);
    }

    private double plantedShare(String selection) {
        List<Assessed> chosen =
                assessed.stream().filter(a -> selection.equals(a.selection())).toList();
        assertThat(chosen).isNotEmpty();
        return chosen.stream().filter(a -> planted.get(a.entryNumber())).count() / (double) chosen.size();
    }

    @Test
    void aSummaryNotSelectedIsSaidToLieBelowTheThresholdOnlyWhenItDoes() {
        Map<String, Integer> grounds = new HashMap<>();
        jdbc.sql("select ground, score, threshold from risk_assessment"
                        + " where entry_number = any(?) and selection is null and displaced_by is null")
                .param(numbers.toArray(String[]::new))
                .query(rs -> {
                    String ground = rs.getString(1);
                    grounds.merge(ground, 1, Integer::sum);
                    if (ground.equals("BELOW_THRESHOLD")) {
                        assertThat(rs.getDouble(2)).isPositive().isLessThan(rs.getDouble(3));
                    }
                    if (rs.getDouble(2) == 0) {
                        // a week holding more than its items (other tests' selections of the shared database, made
                        // under a larger capacity) selects nothing and says so
                        assertThat(ground)
                                .isIn(
                                        "NOTHING_FOUND",
                                        "NO_RISK_ITEMS",
                                        "TRUSTED_PARTNER_EXEMPT",
                                        "OVER_CAPACITY",
                                        "DEEMED_LIQUIDATED");
                    }
                });

        assertThat(grounds).containsKey("NOTHING_FOUND");
    }

    @Test
    void theImporterIsToldWhichCenterWillReviewASelectedSummary() {
        Map<String, String> expected = Map.of(
                "RISK",
                "This entry summary has been selected for a post-release review by the %s Center.",
                "CONTROL",
                "This entry summary has been chosen at random for a quality-control review by the %s Center."
                        + " The choice says nothing about the entry summary or the importer.");
        Map<String, Integer> checked = new HashMap<>();
        jdbc.sql("select a.entry_number, a.selection, c.name from risk_assessment a join center c on c.code = a.center"
                        + " where a.entry_number = any(?) and a.selection is not null")
                .param(numbers.toArray(String[]::new))
                .query(rs -> {
                    String selection = rs.getString(2);
                    assertThat(reasons(rs.getString(1), false).get(0))
                            .isEqualTo(expected.get(selection).formatted(rs.getString(3)));
                    checked.merge(selection, 1, Integer::sum);
                });

        assertThat(checked).containsOnlyKeys("RISK", "CONTROL");
    }

    @Test
    void aRiskierSummaryLaterInTheWeekTakesTheItemOfTheLeastRiskySelectedBeforeIt() {
        // crude oil goes to the Center with the fewest generated entries, whose threshold is still the cold start's
        String somewhatRisky = importerFor("0.8");
        String riskier = importerFor("0.95");
        List<String> first = drawFreeNumbers(4);
        List<String> later = drawFreeNumbers(2);

        assertThat(itemsOf("PNGM", LocalDate.of(2024, 6, 3)).risk()).isEqualTo(3);
        takeTheControlItem("2024-06-03");
        fileCrudeOil(first, somewhatRisky, "2024-06-03");
        assertThat(selections(first)).containsOnly("RISK", null);
        assertThat(selections(first).stream().filter("RISK"::equals)).hasSize(3);
        fileCrudeOil(later, riskier, "2024-06-05");

        assertThat(selections(later)).containsOnly("RISK");
        assertThat(selections(first).stream().filter("RISK"::equals)).hasSize(1);
        List<String> displaced = jdbc.sql("select subject_id from audit_log where action = 'RISK_SELECTION_DISPLACED'"
                        + " and subject_id = any(?)")
                .param(first.toArray(String[]::new))
                .query(String.class)
                .list();
        assertThat(displaced).hasSize(2);
        for (String number : displaced) {
            List<String> reasons = reasons(number, true);
            assertThat(reasons.get(0))
                    .startsWith("Not selected: it gave its risk review item to ")
                    .contains("riskier and of the same Center and week (score 0.800 against 0.950)");
            assertThat(reasons(number, false))
                    .containsExactly("No review of this entry summary is planned; it was accepted as filed.");
        }
    }

    @Test
    void aSelectionScoredBeforeGroundsWereKeptSaysSoInItsWrittenReasonsWhenItGivesWay() {
        String somewhatRisky = importerFor("0.8");
        String riskier = importerFor("0.95");
        List<String> first = drawFreeNumbers(3);
        String later = drawFreeNumbers(1).get(0);
        assertThat(itemsOf("PNGM", LocalDate.of(2024, 7, 1)).risk()).isEqualTo(3);
        takeTheControlItem("2024-07-01");
        fileCrudeOil(first, somewhatRisky, "2024-07-01");
        // as an assessment stored before decision record 0018 was: its reasons written out, no grounds
        jdbc.sql("update risk_assessment set ground = null, threshold = null, items_per_week = null,"
                        + " risk_items = null, control_items = null,"
                        + " reasons = '[\"Selected for review, as written then.\", \"Rule IMPORTER: as written then.\"]',"
                        + " trade_reasons = '[\"Selected, as written then.\"]'"
                        + " where entry_number = any(?) and selection = 'RISK'")
                .param(first.toArray(String[]::new))
                .update();

        file(List.of(crudeOil(later, riskier, "2024-07-03")));

        String displaced = jdbc.sql("select subject_id from audit_log where action = 'RISK_SELECTION_DISPLACED'"
                        + " and subject_id = any(?)")
                .param(first.toArray(String[]::new))
                .query(String.class)
                .single();
        assertThat(reasons(displaced, true))
                .containsExactly(
                        "Not selected: it gave its risk review item to " + later
                                + " v1, riskier and of the same Center and week (score 0.800 against 0.950).",
                        "Rule IMPORTER: as written then.");
        assertThat(reasons(displaced, false)).containsExactly(AssessmentWords.NOTHING_PLANNED);
    }

    @Test
    void aCapacityRaisedWhileTheWeekRunsSelectsTheRiskiestSummariesItHadTurnedAway() {
        LocalDate today = LocalDate.of(2026, 6, 30);
        String risky = importerFor("0.99");
        List<String> numbers = drawFreeNumbers(5);
        takeTheControlItem("2026-06-29");
        fileCrudeOil(numbers, risky, "2026-06-29");
        List<String> before = selections(numbers);
        List<String> turnedAway = IntStream.range(0, numbers.size())
                .filter(i -> before.get(i) == null)
                .mapToObj(numbers::get)
                .toList();
        assertThat(turnedAway).hasSize(2);
        Capacity set = capacities.on("PNGM", today);
        try {
            capacities.set(
                    new Capacity(
                            "PNGM",
                            Capacities.REVIEW_QUEUE,
                            40,
                            set.controlShare(),
                            set.trustedPartnerFactor(),
                            today,
                            "targeter"),
                    "targeter");

            int taken = scoring.fillFreedItems("PNGM");

            assertThat(taken).isGreaterThanOrEqualTo(2);
            assertThat(selections(numbers)).containsOnly("RISK");
            for (String freed : turnedAway) {
                assertThat(reasons(freed, true).get(0))
                        .startsWith("Selected for review, among the riskiest of the week: without a review item"
                                + " before, it took one that fell free")
                        .contains("capacity 40 a week");
                assertThat(reasons(freed, false).get(0)).startsWith("This entry summary has been selected");
            }
            assertThat(jdbc.sql("select count(*) from audit_log where action = 'RISK_SELECTION_ON_FREED_ITEM'"
                                    + " and subject_id = any(?)")
                            .param(turnedAway.toArray(String[]::new))
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
        } finally {
            capacities.set(
                    new Capacity(
                            "PNGM",
                            Capacities.REVIEW_QUEUE,
                            set.itemsPerWeek(),
                            set.controlShare(),
                            set.trustedPartnerFactor(),
                            today,
                            "targeter"),
                    "targeter");
        }
    }

    @Test
    void aSelectionWhoseReviewIsRecordedKeepsItsItemWhenRiskierSummariesCome() {
        String somewhatRisky = importerFor("0.8");
        String riskier = importerFor("0.95");
        List<String> first = drawFreeNumbers(3);
        List<String> later = drawFreeNumbers(3);
        assertThat(itemsOf("PNGM", LocalDate.of(2024, 8, 12)).risk()).isEqualTo(3);
        takeTheControlItem("2024-08-12");
        fileCrudeOil(first, somewhatRisky, "2024-08-12");
        assertThat(selections(first)).containsOnly("RISK");
        String reviewed = first.get(1);
        outcomes.record(
                new Outcomes.Report(
                        reviewed, 1, "VALUE", new BigDecimal("2500.00"), REVIEWER, null, LocalDate.of(2024, 8, 16)),
                "specialist");

        fileCrudeOil(later, riskier, "2024-08-14");

        assertThat(selections(List.of(reviewed))).containsExactly("RISK");
        assertThat(reasons(reviewed, false).get(0)).startsWith("This entry summary has been selected");
        assertThat(selections(first).stream().filter("RISK"::equals)).hasSize(1);
        assertThat(selections(later)).containsExactly("RISK", "RISK", null);
        assertThat(reasons(later.get(2), true).get(0)).contains("already taken");
    }

    @Test
    void aCorrectionOfASelectedEntryIsRefusedWhileItsReviewIsOpenAndOnceReviewedTakesNoItemAndReadsAsReviewed() {
        // riskier than any generated summary of the week, and recent enough to be corrected
        String importer = importerFor("0.99");
        List<String> numbers = drawFreeNumbers(3);
        assertThat(itemsOf("PNGM", LocalDate.of(2026, 2, 23)).risk()).isEqualTo(3);
        takeTheControlItem("2026-02-23");
        fileCrudeOil(numbers, importer, "2026-02-23");
        assertThat(selections(numbers)).containsOnly("RISK");
        String corrected = numbers.get(0);
        String correction = correction(corrected, importer, LocalDate.of(2026, 2, 23), "905000.00");

        IntakeReport refused = intake.ingest(new JsonSummaryReader(new StringReader(correction)), "test");

        assertThat(refused.accepted()).isZero();
        assertThat(refused.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.errors().get(0).code()).isEqualTo("PSC_UNDER_REVIEW");
            assertThat(rejected.errors().get(0).field()).isEqualTo("postSummaryCorrection");
            assertThat(rejected.errors().get(0).message())
                    .startsWith("Entry " + EntryNumber.parse(corrected).formatted() + " is under CBP review");
        });
        assertThat(stored.find(new EntryKey(corrected, 2))).isEmpty();

        outcomes.record(
                new Outcomes.Report(corrected, 1, "NO_CHANGE", null, REVIEWER, null, LocalDate.of(2026, 2, 27)),
                "specialist");
        file(List.of(correction));

        RiskAssessment own = stored.find(new EntryKey(corrected, 2)).orElseThrow();
        // a correction of a reviewed entry is part of the review its first version had, and takes no item
        assertThat(own.selection()).isNull();
        assertThat(own.grounds().ground()).isEqualTo(SelectionGround.EARLIER_VERSION_HOLDS_ITEM);
        assertThat(readout.riskOf(corrected, 2, RiskReadout.Audience.TRADE)
                        .orElseThrow()
                        .reasons())
                .singleElement()
                .asString()
                .startsWith("Version 1 of this entry summary has been reviewed by the")
                .endsWith("; this correction was accepted as filed.");
    }

    @Test
    void aCorrectionFiledAfterAReviewNamesTheCenterWhoseWeekHeldTheReviewedItemThoughItsAccountHasMovedSince() {
        String importer = importerFor("0.99", "line.hts.startsWith(\"2709\") && line.unitValue > 70.0");
        String number = drawFreeNumbers(1, 2).get(0);
        takeTheControlItem("2026-03-09");
        fileCrudeOil(List.of(number), importer, "2026-03-09");
        assertThat(selections(List.of(number))).containsExactly("RISK");
        outcomes.record(
                new Outcomes.Report(
                        number, 1, "VALUE", new BigDecimal("1234.50"), REVIEWER, null, LocalDate.of(2026, 3, 13)),
                "specialist");
        // the importer's trade moves to machinery, and its account with it to the Machinery Center
        String machinery = drawFreeNumbers(1).get(0);
        file(List.of(crudeOil(machinery, importer, "2026-03-10")
                .replace("2709002090", "8481804000")
                .replace("900000.00", "5000000.00")
                .replace("\"BBL\"", "\"NO\"")));
        assertThat(stored.find(new EntryKey(machinery, 1)).orElseThrow().center())
                .isEqualTo("MACH");

        file(List.of(correction(number, importer, LocalDate.of(2026, 3, 9), "800000.00")));

        assertThat(stored.find(new EntryKey(number, 2)).orElseThrow().center()).isEqualTo("MACH");
        assertThat(readout.riskOf(number, 2, RiskReadout.Audience.TRADE)
                        .orElseThrow()
                        .reasons())
                .containsExactly("Version 1 of this entry summary has been reviewed by the Petroleum, Natural Gas &"
                        + " Minerals Center; this correction was accepted as filed.");
        assertThat(readout.riskOf(number, 1, RiskReadout.Audience.TRADE)
                        .orElseThrow()
                        .reasons())
                .containsExactly(
                        "This entry summary has been reviewed by the Petroleum, Natural Gas & Minerals Center.");
    }

    @Test
    void withinOneChunkARiskierSummaryTakesTheItemOfOneSelectedEarlierInTheSameChunk() {
        String somewhatRisky = importerFor("0.8");
        String riskier = importerFor("0.95");
        List<String> numbers = drawFreeNumbers(4);
        assertThat(itemsOf("PNGM", LocalDate.of(2024, 4, 15)).risk()).isEqualTo(3);
        takeTheControlItem("2024-04-15");

        file(List.of(
                crudeOil(numbers.get(0), somewhatRisky, "2024-04-15"),
                crudeOil(numbers.get(1), somewhatRisky, "2024-04-16"),
                crudeOil(numbers.get(2), somewhatRisky, "2024-04-17"),
                crudeOil(numbers.get(3), riskier, "2024-04-18")));

        assertThat(selections(numbers)).containsExactly("RISK", "RISK", null, "RISK");
        assertThat(reasons(numbers.get(2), true).get(0))
                .startsWith("Not selected: it gave its risk review item to " + numbers.get(3) + " v1");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'RISK_SELECTION_DISPLACED'"
                                + " and subject_id = ?")
                        .param(numbers.get(2))
                        .query(Long.class)
                        .single())
                .as("a displacement within one round is audited too")
                .isEqualTo(1);
    }

    /** The items of a Center-week under this test's capacity (crude oil goes to PNGM). */
    private static Capacity.WeekItems itemsOf(String center, LocalDate date) {
        return new Capacity(center, Capacities.REVIEW_QUEUE, 4, 0.10, 0.5, null, "default").itemsIn(date);
    }

    /** A fresh importer number, and a rule that finds its entries as risky as {@code strength} says. */
    private String importerFor(String strength) {
        return importerFor(strength, null);
    }

    /**
     * A fresh importer number, and a rule that finds the lines of its entries for which the condition holds (every line
     * when it is null) as risky as {@code strength} says.
     */
    private String importerFor(String strength, String condition) {
        String serial = String.format("%07d", SERIALS.incrementAndGet());
        String importer = "9" + serial.charAt(6) + "-" + serial + "00";
        ImporterRules.store(rules, "IMPORTER-" + serial, importer, condition, Double.parseDouble(strength));
        return importer;
    }

    /**
     * Files a summary that the control draw takes at any rate a week can have, when the week has a control item, so that
     * the summaries filed after it meet no open control item and only their risk decides.
     */
    private void takeTheControlItem(String date) {
        if (itemsOf("PNGM", LocalDate.parse(date)).control() == 0) {
            return;
        }
        String number;
        do {
            number = EntryNumber.of("SEL", String.format("%07d", SERIALS.incrementAndGet()))
                    .value();
        } while (selection.draw(new EntryKey(number, 1)) > 0.001);
        String serial = String.format("%07d", SERIALS.incrementAndGet());
        fileCrudeOil(List.of(number), "8" + serial.charAt(6) + "-" + serial + "00", date);
        assertThat(selections(List.of(number))).as("the week's control item").containsExactly("CONTROL");
    }

    /** Entry numbers the random control sample does not draw at this capacity, so that only their risk decides. */
    private List<String> drawFreeNumbers(int count) {
        return drawFreeNumbers(count, 1);
    }

    /** Entry numbers of which the random control sample draws none of the versions up to the one given. */
    private List<String> drawFreeNumbers(int count, int versions) {
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            String number = EntryNumber.of("SEL", String.format("%07d", SERIALS.incrementAndGet()))
                    .value();
            if (IntStream.rangeClosed(1, versions).allMatch(v -> selection.draw(new EntryKey(number, v)) > 0.9)) {
                chosen.add(number);
            }
        }
        return chosen;
    }

    /**
     * A crude-oil summary entered into a warehouse (type 21): the weeks these tests fill lie before the months other
     * tests file in, more than a year before the business date, and a warehouse entry's year runs from the final
     * withdrawal of its goods, so that it is not deemed liquidated and takes part in selection as it arrives.
     */
    private static String crudeOil(String number, String importer, String date) {
        return ("{\"entryNumber\": \"%s\", \"entryType\": \"21\", \"importerNumber\": \"%s\","
                        + " \"portOfEntry\": \"2704\", \"entryDate\": \"%s\", \"summaryDate\": \"%s\","
                        + " \"modeOfTransport\": \"11\", \"lines\": [{\"lineNumber\": 1, \"htsNumber\":"
                        + " \"2709002090\", \"countryOfOrigin\": \"VN\", \"countryOfExport\": \"VN\","
                        + " \"manufacturerId\": \"VNSAMELE12HAN\", \"description\": \"crude oil\","
                        + " \"enteredValue\": \"900000.00\", \"quantity\": \"12000\", \"unit\": \"BBL\","
                        + " \"relatedParty\": false, \"dutyAmount\": \"0.00\"}]}")
                .formatted(number, importer, date, date);
    }

    /** A post-summary correction of a crude-oil summary of the importer's, entered on the date, declaring the value. */
    private static String correction(String number, String importer, LocalDate date, String value) {
        return crudeOil(number, importer, date.toString())
                .replace("\"modeOfTransport\"", "\"postSummaryCorrection\": true, \"modeOfTransport\"")
                .replace("900000.00", value);
    }

    /** Files a crude-oil summary of the importer's under each number, all entered on the date. */
    private void fileCrudeOil(List<String> numbers, String importer, String date) {
        file(numbers.stream().map(number -> crudeOil(number, importer, date)).toList());
    }

    private void file(List<String> summaries) {
        IntakeReport report =
                intake.ingest(new JsonSummaryReader(new StringReader(String.join("\n", summaries))), "test");
        assertThat(report.rejected()).as("rejected").isEmpty();
        assertThat(report.accepted()).isEqualTo(summaries.size());
    }

    /** The selection of each summary, in the order given ({@code null} when not selected). */
    private List<String> selections(List<String> numbers) {
        Map<String, String> byNumber = new HashMap<>();
        jdbc.sql("select entry_number, selection from risk_assessment where entry_number = any(?)")
                .param(numbers.toArray(String[]::new))
                .query(rs -> {
                    byNumber.put(rs.getString(1), rs.getString(2));
                });
        assertThat(byNumber).hasSize(numbers.size());
        return numbers.stream().map(byNumber::get).toList();
    }

    /** The specialist's reasons of a summary's first version, or the importer's. */
    private List<String> reasons(String number, boolean specialist) {
        RiskAssessment assessment = stored.find(new EntryKey(number, 1)).orElseThrow();
        return specialist ? words.reasons(assessment) : words.tradeReasons(assessment);
    }

    /** The assessments of the generated summaries: scoring is done by the time intake answers. */
    private List<Assessed> assessments() {
        return jdbc.sql("select a.entry_number, a.center, a.entry_date, a.score, a.selection"
                        + " from risk_assessment a where a.entry_number = any(?)")
                .param(numbers.toArray(String[]::new))
                .query((rs, i) -> new Assessed(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                        rs.getDouble(4),
                        rs.getString(5)))
                .list();
    }
}

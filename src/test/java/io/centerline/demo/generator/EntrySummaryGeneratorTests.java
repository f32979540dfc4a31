package io.centerline.demo.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.entries.EntryNumber;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.SubmittedEntrySummary.Fee;
import io.centerline.entries.SubmittedEntrySummary.Line;
import io.centerline.entries.intake.JsonlSummaryWriter;
import io.centerline.reference.EntryTypeFile;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EntrySummaryGeneratorTests {

    private static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 3, 16);
    private static final Set<String> PROVINCES =
            Set.of("XA", "XC", "XM", "XB", "XW", "XT", "XN", "XV", "XO", "XP", "XQ", "XS", "XY");
    private static final Pattern MONEY = Pattern.compile("\\d+\\.\\d{2}");
    private static final Pattern IMPORTER = Pattern.compile(
            "\\d{2}-\\d{7}[0-9A-HJ-NP-Y]{2}|\\d{2}\\d{4}-\\d{5}|(?!000|666|9)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}");

    private static List<GeneratedEntry> generate(int entries, long seed) {
        List<GeneratedEntry> result = new ArrayList<>();
        new EntrySummaryGenerator(GeneratorSettings.of(entries, seed, BUSINESS_DATE)).forEach(result::add);
        return result;
    }

    private static String jsonl(int entries, long seed) {
        StringWriter out = new StringWriter();
        try (JsonlSummaryWriter writer = new JsonlSummaryWriter(out);
                LabelWriter labels = new LabelWriter(out)) {
            for (GeneratedEntry entry : new EntrySummaryGenerator(GeneratorSettings.of(entries, seed, BUSINESS_DATE))) {
                writer.write(entry.summary());
                labels.write(entry);
            }
        }
        return out.toString();
    }

    @Test
    void sameSeedAndSettingsGiveIdenticalOutput() {
        assertThat(jsonl(2_000, 42)).isEqualTo(jsonl(2_000, 42));
        assertThat(jsonl(500, 42)).isNotEqualTo(jsonl(500, 43));
    }

    @Test
    void iteratingAgainStartsFromTheSameFirstSummary() {
        EntrySummaryGenerator generator = new EntrySummaryGenerator(GeneratorSettings.of(10, 7, BUSINESS_DATE));
        assertThat(generator.iterator().next()).isEqualTo(generator.iterator().next());
        assertThat(generator.stream().count()).isEqualTo(10);
    }

    @Test
    void entryNumbersAreUniqueWithValidCheckDigitsOverFiftyThousandEntries() {
        Set<String> seen = new HashSet<>();
        int dashed = 0;
        List<GeneratedEntry> entries = generate(50_000, 1);
        for (GeneratedEntry entry : entries) {
            String number = entry.summary().entryNumber();
            assertThat(EntryNumber.check(number)).as(number).isEmpty();
            assertThat(seen.add(EntryNumber.parse(number).value())).as(number).isTrue();
            if (number.contains("-")) {
                dashed++;
            }
        }
        assertThat(dashed).isBetween(23_000, 27_000);
        assertThat(seen.stream().map(n -> n.substring(0, 3)).distinct().count()).isBetween(100L, 300L);
    }

    @Test
    void everyCenterIsThePredominantIndustryOfSomeImporter() {
        Map<String, Map<String, Integer>> linesByImporter = new HashMap<>();
        for (GeneratedEntry entry : generate(50_000, 2)) {
            for (Line line : entry.summary().lines()) {
                linesByImporter
                        .computeIfAbsent(entry.summary().importerNumber(), k -> new HashMap<>())
                        .merge(HeadingCenters.centerOf(line.htsNumber()), 1, Integer::sum);
            }
        }
        Set<String> predominant = new HashSet<>();
        for (Map<String, Integer> counts : linesByImporter.values()) {
            predominant.add(counts.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey());
        }
        assertThat(predominant).containsExactlyInAnyOrder(HeadingCenters.CENTERS);
    }

    @Test
    void accountSizesAreHeavyTailedWithTheTopOnePercentHoldingOverFifteenPercentOfEntries() {
        Map<String, Integer> entriesByImporter = new HashMap<>();
        List<GeneratedEntry> entries = generate(50_000, 3);
        for (GeneratedEntry entry : entries) {
            String importer = entry.summary().importerNumber();
            assertThat(importer).matches(IMPORTER);
            entriesByImporter.merge(importer, 1, Integer::sum);
        }
        List<Integer> sizes =
                entriesByImporter.values().stream().sorted((a, b) -> b - a).toList();
        int top = Math.max(1, sizes.size() / 100);
        int topEntries =
                sizes.subList(0, top).stream().mapToInt(Integer::intValue).sum();
        assertThat(topEntries).isGreaterThan(entries.size() * 15 / 100);
        assertThat(sizes.get(0)).isGreaterThan(1_000);
        assertThat(sizes.get(sizes.size() / 2)).isLessThan(40);
    }

    @Test
    void everyManufacturerIdMatchesTheShapeAndItsCountryPrefixMatchesTheOrigin() {
        for (GeneratedEntry entry : generate(20_000, 4)) {
            for (Line line : entry.summary().lines()) {
                String mid = line.manufacturerId();
                assertThat(mid).matches(ManufacturerId.SHAPE).hasSizeLessThanOrEqualTo(15);
                String prefix = mid.substring(0, 2);
                if (line.countryOfOrigin().equals("CA")) {
                    assertThat(PROVINCES).contains(prefix);
                } else {
                    assertThat(prefix).isEqualTo(line.countryOfOrigin());
                }
                assertThat(line.countryOfOrigin()).matches("[A-Z]{2}");
                assertThat(line.countryOfExport()).matches("[A-Z]{2}");
            }
        }
    }

    @Test
    void primaryHtsNumbersAreInChaptersOneToNinetySevenAndAdditionalOnesInNinetyEightOrNinetyNine() {
        for (GeneratedEntry entry : generate(20_000, 5)) {
            for (Line line : entry.summary().lines()) {
                assertThat(line.htsNumber()).matches("\\d{10}");
                assertThat(Integer.parseInt(line.htsNumber().substring(0, 2))).isBetween(1, 97);
                assertThat(line.description()).hasSizeLessThanOrEqualTo(70);
                for (String additional : line.additionalHtsNumbers()) {
                    assertThat(additional).matches("9[89]\\d{8}");
                }
            }
        }
    }

    @Test
    void lineAmountsAddUpToTheHeaderTotals() {
        for (GeneratedEntry entry : generate(20_000, 6)) {
            SubmittedEntrySummary summary = entry.summary();
            BigDecimal value = BigDecimal.ZERO.setScale(2);
            BigDecimal duty = BigDecimal.ZERO.setScale(2);
            BigDecimal fees = BigDecimal.ZERO.setScale(2);
            assertThat(summary.lines()).hasSizeBetween(1, 10);
            for (int i = 0; i < summary.lines().size(); i++) {
                Line line = summary.lines().get(i);
                assertThat(line.lineNumber()).isEqualTo(String.valueOf(i + 1));
                assertThat(line.enteredValue()).matches(MONEY);
                assertThat(line.dutyAmount()).matches(MONEY);
                assertThat(new BigDecimal(line.quantity())).isPositive();
                assertThat(new BigDecimal(line.grossWeightKg())).isPositive();
                assertThat(line.relatedParty()).isIn("true", "false");
                value = value.add(new BigDecimal(line.enteredValue()));
                duty = duty.add(new BigDecimal(line.dutyAmount()));
                for (Fee fee : line.fees()) {
                    assertThat(fee.classCode()).isIn("499", "501");
                    assertThat(fee.amount()).matches(MONEY);
                    fees = fees.add(new BigDecimal(fee.amount()));
                }
            }
            assertThat(summary.totalEnteredValue()).isEqualTo(value.toPlainString());
            assertThat(summary.totalDuty()).isEqualTo(duty.toPlainString());
            assertThat(summary.totalFees()).isEqualTo(fees.toPlainString());
            assertThat(summary.postSummaryCorrection()).isEqualTo("false");
        }
    }

    @Test
    void enteredValuesAreWholeDollarsAsTheFormAndTheAeRecordDeclareThem() {
        for (GeneratedEntry entry : generate(5_000, 8)) {
            for (Line line : entry.summary().lines()) {
                BigDecimal value = new BigDecimal(line.enteredValue());
                assertThat(value.stripTrailingZeros().scale())
                        .as(line.enteredValue())
                        .isLessThanOrEqualTo(0);
                assertThat(value).isPositive();
            }
        }
    }

    @Test
    void merchandiseProcessingFeeIsClampedToTheFiscalYearAndFlatOnInformalEntries() {
        for (GeneratedEntry entry : generate(10_000, 7)) {
            SubmittedEntrySummary summary = entry.summary();
            BigDecimal mpf = summary.lines().stream()
                    .flatMap(line -> line.fees().stream())
                    .filter(fee -> fee.classCode().equals("499"))
                    .map(fee -> new BigDecimal(fee.amount()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (summary.entryType().equals("11")) {
                assertThat(mpf).isEqualByComparingTo("2.69");
                assertThat(summary.bondType()).isEqualTo("0");
            } else {
                assertThat(mpf)
                        .isEqualByComparingTo(EntrySummaryGenerator.mpf(
                                new BigDecimal(summary.totalEnteredValue()), LocalDate.parse(summary.entryDate())));
                assertThat(summary.bondType()).isIn("8", "9");
            }
        }
    }

    @Test
    void theHarborMaintenanceFeeOfAVesselEntryIsThatOfItsWholeValueSharedAmongItsLines() {
        int vessel = 0;
        for (GeneratedEntry entry : generate(10_000, 7)) {
            SubmittedEntrySummary summary = entry.summary();
            BigDecimal hmf = summary.lines().stream()
                    .flatMap(line -> line.fees().stream())
                    .filter(fee -> fee.classCode().equals("501"))
                    .map(fee -> new BigDecimal(fee.amount()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (List.of("10", "11", "12").contains(summary.modeOfTransport())) {
                vessel++;
                assertThat(hmf)
                        .as(summary.entryNumber())
                        .isEqualByComparingTo(new BigDecimal(summary.totalEnteredValue())
                                .multiply(new BigDecimal("0.00125"))
                                .setScale(2, RoundingMode.HALF_UP));
            } else {
                assertThat(hmf).as(summary.entryNumber()).isZero();
            }
        }
        assertThat(vessel).isGreaterThan(1_000);
    }

    @Test
    void everyGeneratedEntryIsOfATypeFiledOnAnEntrySummary() {
        Set<String> types = new HashSet<>();
        for (GeneratedEntry entry : generate(20_000, 11)) {
            types.add(entry.summary().entryType());
        }

        assertThat(EntryTypeFile.entrySummaryTypes()).containsAll(types);
    }

    @Test
    void typeThreeEntriesCarryACaseNumberOnEveryLine() {
        int typeThree = 0;
        for (GeneratedEntry entry : generate(20_000, 8)) {
            SubmittedEntrySummary summary = entry.summary();
            for (Line line : summary.lines()) {
                if (summary.entryType().equals("03")) {
                    assertThat(line.adcvdCaseNumber()).matches("[AC]\\d{9}");
                    assertThat(line.adcvdDeposit()).matches(MONEY);
                } else {
                    assertThat(line.adcvdCaseNumber()).isNull();
                }
            }
            if (summary.entryType().equals("03")) {
                typeThree++;
            }
        }
        assertThat(typeThree).isPositive();
    }

    @Test
    void plantedPatternsCoverOneToSixPercentOfEntriesAndEveryTypeAppearsInTwentyThousand() {
        Map<IllicitPattern, Integer> byType = new EnumMap<>(IllicitPattern.class);
        int planted = 0;
        List<GeneratedEntry> entries = generate(20_000, 9);
        for (GeneratedEntry entry : entries) {
            if (entry.isPlanted()) {
                planted++;
                assertThat(entry.summary().entryType()).isEqualTo("01");
            }
            for (PlantedPattern pattern : entry.patterns()) {
                byType.merge(pattern.type(), 1, Integer::sum);
                assertThat(pattern.lineNumber())
                        .isBetween(1, entry.summary().lines().size());
            }
        }
        assertThat(planted).isBetween(entries.size() / 100, entries.size() * 6 / 100);
        assertThat(byType.keySet()).containsExactlyInAnyOrder(IllicitPattern.values());
    }

    @Test
    void entryDatesLieInTheWindowAndSummaryDatesFollowThem() {
        GeneratorSettings settings = GeneratorSettings.of(20_000, 10, BUSINESS_DATE);
        assertThat(settings.lastEntryDate()).isEqualTo(BUSINESS_DATE.minusDays(5));
        int weekend = 0;
        for (GeneratedEntry entry : new EntrySummaryGenerator(settings)) {
            LocalDate entryDate = LocalDate.parse(entry.summary().entryDate());
            LocalDate summaryDate = LocalDate.parse(entry.summary().summaryDate());
            assertThat(entryDate).isBetween(settings.firstEntryDate(), settings.lastEntryDate());
            assertThat(summaryDate).isBetween(entryDate, settings.lastEntryDate());
            if (entryDate.getDayOfWeek().getValue() >= 6) {
                weekend++;
            }
        }
        assertThat(weekend).isLessThan(1_000);
    }

    @Test
    void twoHundredThousandEntriesAreGeneratedWithoutBeingKept() {
        long lines = 0;
        long count = 0;
        for (GeneratedEntry entry : new EntrySummaryGenerator(GeneratorSettings.of(200_000, 11, BUSINESS_DATE))) {
            count++;
            lines += entry.summary().lines().size();
        }
        assertThat(count).isEqualTo(200_000);
        assertThat(lines).isGreaterThan(count);
    }
}

package io.centerline.entries.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.centerline.entries.EntryNumber;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.SubmittedEntrySummary.Fee;
import io.centerline.entries.SubmittedEntrySummary.Line;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CatairAeWriterTests {

    /** The business date on which the files written here are read back. */
    private static final LocalDate RECEIVED_ON = LocalDate.of(2026, 6, 30);

    @Test
    void generatedSummariesReadBackEqualButForTheSummaryDateWhichIsTheDayOfReceipt() {
        Random random = new Random(20260315L);
        List<SubmittedEntrySummary> summaries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            summaries.add(generated(random, i));
        }

        String text = write(summaries);

        assertThat(parsedSummaries(text))
                .containsExactlyElementsOf(summaries.stream()
                        .map(summary -> withSummaryDate(summary, RECEIVED_ON.toString()))
                        .toList());
    }

    @Test
    void theImportDateWrittenIsTheEntryDateAndTheSummaryDateIsWrittenNowhere() {
        SubmittedEntrySummary summary = summary(line("1", "8471300100", List.of(), "0.00", "1000", "1"));

        List<String> records = List.of(write(List.of(summary)).split("\n"));

        String header = records.stream()
                .filter(record -> record.startsWith("11"))
                .findFirst()
                .orElseThrow();
        assertThat(header.substring(41, 47)).as("estimated entry date, 42-47").isEqualTo("031526");
        assertThat(header.substring(47, 53)).as("import date, 48-53").isEqualTo("031526");
        assertThat(summary.summaryDate()).isEqualTo("2026-03-25");
        assertThat(records).noneMatch(record -> record.contains("032526"));
    }

    @Test
    void everyRecordIsExactly80CharactersAndTheFileHasOneEnvelope() {
        Random random = new Random(7L);
        String text = write(List.of(generated(random, 0), generated(random, 1), generated(random, 2)));

        String[] records = text.split("\n", -1);
        assertThat(records[records.length - 1]).isEmpty();
        List<String> written = List.of(records).subList(0, records.length - 1);
        assertThat(written).allSatisfy(record -> assertThat(record).hasSize(80));
        assertThat(written).filteredOn(record -> record.startsWith("A")).hasSize(1);
        assertThat(written.get(0)).startsWith("A" + CatairAeWriter.SENDER);
        assertThat(written.get(1))
                .startsWith(
                        "B" + written.get(2).substring(17, 21) + written.get(2).substring(3, 6) + "AE");
        assertThat(written.get(written.size() - 2)).startsWith("Y");
        assertThat(written.get(written.size() - 1)).startsWith("Z" + CatairAeWriter.SENDER);
        assertThat(written).filteredOn(record -> record.startsWith("10")).hasSize(3);
        assertThat(written).filteredOn(record -> record.startsWith("90")).hasSize(3);
    }

    @Test
    void summariesOfSeveralFilersAreWrittenInABlockForEachRunOfOneFilerCodeSoThatEveryTransactionStandsInItsFilers() {
        SubmittedEntrySummary abc = summary(line("1", "8471300100", List.of(), "0.00", "1000", "1"));
        SubmittedEntrySummary xyz = withEntryNumber(abc, "XYZ00123452");

        String text = write(List.of(abc, withEntryNumber(abc, "ABC76543210"), xyz, abc));

        assertThat(text.lines().filter(record -> record.matches("[ABYZ].*")))
                .containsExactly(
                        pad("A" + CatairAeWriter.SENDER),
                        pad("B2704ABCAE"),
                        pad("Y2704ABC"),
                        pad("B2704XYZAE"),
                        pad("Y2704XYZ"),
                        pad("B2704ABCAE"),
                        pad("Y2704ABC"),
                        pad("Z" + CatairAeWriter.SENDER));
        assertThat(parsedSummaries(text))
                .extracting(SubmittedEntrySummary::entryNumber)
                .containsExactly("ABC12345676", "ABC76543210", "XYZ00123452", "ABC12345676");
    }

    @Test
    void numbersAreRightJustifiedAndZeroFilledInTheirPositions() {
        String text =
                write(List.of(summary(line("1", "8471300100", List.of("9903880315"), "1234.5", "125000.40", "12.5"))));

        List<String> records = List.of(text.split("\n"));
        assertThat(records)
                .contains(
                        pad("10AABC  12345676 2704" + " ".repeat(12) + "0111"),
                        pad("1112-3456789AB" + " ".repeat(27) + "031526031526"),
                        pad("31" + "8"),
                        pad("40  001 CNCN" + " ".repeat(29) + "0000001200    N"),
                        pad("509903880315 0000000000 0000000000"),
                        pad("508471300100 0000123450 0000125000 000000001250NO"),
                        pad("6249900000433005010000015625"),
                        pad("90000000123450000000058925"));
        assertThat(records.indexOf(pad("509903880315 0000000000 0000000000")))
                .isLessThan(records.indexOf(pad("508471300100 0000123450 0000125000 000000001250NO")));
    }

    @Test
    void aLinesWholeDutyIsWrittenOnItsClassificationsFiftyRecordAndReadsBackAsTheSumOverItsFiftyRecords() {
        Line withDuty = line("1", "7208100000", List.of("9903880300", "9903010100"), "25.00", "10000", "1");
        Line withoutDuty = line("2", "7208100000", List.of("9903880300"), null, "10000", "1");

        String text = write(List.of(summary(withDuty)));
        List<Line> read = parsedSummaries(write(List.of(summaryOf(withDuty, withoutDuty))))
                .get(0)
                .lines();

        assertThat(text.lines().filter(record -> record.startsWith("50")))
                .containsExactly(
                        pad("509903880300 0000000000 0000000000"),
                        pad("509903010100 0000000000 0000000000"),
                        pad("507208100000 0000002500 0000010000 000000000100NO"));
        assertThat(read).extracting(Line::dutyAmount).containsExactly("25.00", null);
        assertThat(read.get(0).additionalHtsNumbers()).containsExactly("9903880300", "9903010100");
    }

    @Test
    void summariesInOtherTextFormsReadBackInTheCanonicalForm() {
        SubmittedEntrySummary sent = new SubmittedEntrySummary(
                "ABC-1234567-6",
                "01",
                "12-3456789AB",
                "2704",
                "2026-03-15",
                "2026-03-25",
                "11",
                null,
                null,
                "125000.00",
                null,
                null,
                List.of(new Line(
                        "001",
                        "8471.30.0100",
                        List.of(),
                        "CN",
                        "CN",
                        null,
                        null,
                        "125000.00",
                        "500.00",
                        "NO",
                        "1200.4",
                        null,
                        "10",
                        "A-552-801-000",
                        "3075",
                        List.of(new Fee("499", "433"), new Fee("501", "156.25")))));

        SubmittedEntrySummary read = parsedSummaries(write(List.of(sent))).get(0);

        assertThat(read)
                .isEqualTo(new SubmittedEntrySummary(
                        "ABC12345676",
                        "01",
                        "12-3456789AB",
                        "2704",
                        "2026-03-15",
                        "2026-06-30",
                        "11",
                        null,
                        "false",
                        null,
                        "10.00",
                        "589.25",
                        List.of(new Line(
                                "1",
                                "8471300100",
                                List.of(),
                                "CN",
                                "CN",
                                null,
                                null,
                                "125000",
                                "500",
                                "NO",
                                "1200",
                                null,
                                "10.00",
                                "A552801000",
                                "3075.00",
                                List.of(new Fee("499", "433.00"), new Fee("501", "156.25"))))));
    }

    @Test
    void totalsGivenByTheSummaryAreWrittenInsteadOfTheSumsOfItsLines() {
        SubmittedEntrySummary given =
                withTotals(summary(line("1", "8471300100", List.of(), "10.00", "1000", "1")), "99.99", "0.01");

        SubmittedEntrySummary read = parsedSummaries(write(List.of(given))).get(0);

        assertThat(read.totalDuty()).isEqualTo("99.99");
        assertThat(read.totalFees()).isEqualTo("0.01");
    }

    @Test
    void descriptionsLongerThan70AndManufacturerIdsLongerThan15CharactersAreCut() {
        Line line = new Line(
                "1",
                "8471300100",
                List.of(),
                "CN",
                "CN",
                "CNSHEELE1234SHENZHEN",
                "A".repeat(70) + "TAIL",
                "1000",
                "1",
                "NO",
                null,
                null,
                "0.00",
                null,
                null,
                List.of());

        Line read =
                parsedSummaries(write(List.of(summary(line)))).get(0).lines().get(0);

        assertThat(read.description()).isEqualTo("A".repeat(70));
        assertThat(read.manufacturerId()).isEqualTo("CNSHEELE1234SHE");
    }

    @Test
    void moreThanSixFeesOnALineSpreadOverSeveral62Records() {
        List<Fee> fees = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            fees.add(new Fee(String.valueOf(500 + i), i + ".0" + i));
        }
        Line line = new Line(
                "1",
                "8471300100",
                List.of(),
                "CN",
                "CN",
                null,
                null,
                "1000",
                "1",
                "NO",
                null,
                null,
                "0.00",
                null,
                null,
                fees);

        String text = write(List.of(summary(line)));

        assertThat(text.lines().filter(record -> record.startsWith("62"))).hasSize(2);
        assertThat(parsedSummaries(text).get(0).lines().get(0).fees()).containsExactlyElementsOf(fees);
    }

    @Test
    void aValueThatDoesNotFitItsFieldIsRefused() {
        SubmittedEntrySummary tooLarge = summary(line("1", "8471300100", List.of(), "0", "12345678901", "1"));

        assertThatThrownBy(() -> write(List.of(tooLarge)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12345678901");
    }

    @Test
    void theFixtureFileWrittenAgainReadsBackEqual() throws IOException {
        List<SubmittedEntrySummary> fixture;
        try (Reader in = new InputStreamReader(
                getClass().getResourceAsStream("/catair/two-summaries.txt"), StandardCharsets.US_ASCII)) {
            fixture = parsedSummaries(in);
        }

        assertThat(fixture).hasSize(2);
        assertThat(parsedSummaries(write(fixture))).isEqualTo(fixture);
    }

    @Test
    void closingWithoutSummariesWritesAnEmptyEnvelope() {
        StringWriter out = new StringWriter();
        new CatairAeWriter(out).close();

        assertThat(out.toString().lines())
                .hasSize(3)
                .allSatisfy(record -> assertThat(record).hasSize(80));
        assertThat(parsedSummaries(out.toString())).isEmpty();
    }

    private static SubmittedEntrySummary generated(Random random, int index) {
        String filer = List.of("ABC", "XYZ", "1A2", "9ZZ").get(random.nextInt(4));
        String serial = String.format("%07d", random.nextInt(10_000_000));
        // entered in the ten years before the day the file is received on, as the reader requires
        LocalDate entryDate = LocalDate.of(2016 + random.nextInt(10), 1, 1).plusDays(random.nextInt(365));
        List<Line> lines = new ArrayList<>();
        BigDecimal duty = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        int lineCount = 1 + random.nextInt(6);
        for (int n = 1; n <= lineCount; n++) {
            BigDecimal lineDuty = BigDecimal.valueOf(random.nextInt(5_000_000), 2);
            duty = duty.add(lineDuty);
            List<Fee> lineFees = new ArrayList<>();
            int feeCount = random.nextInt(8);
            for (int f = 0; f < feeCount; f++) {
                BigDecimal amount = BigDecimal.valueOf(random.nextInt(70_000), 2);
                fees = fees.add(amount);
                lineFees.add(new Fee(f % 2 == 0 ? "499" : "501", amount.toPlainString()));
            }
            List<String> additional = new ArrayList<>();
            int additionalCount = random.nextInt(3);
            for (int a = 0; a < additionalCount; a++) {
                additional.add(
                        (random.nextBoolean() ? "9903" : "9817") + String.format("%06d", random.nextInt(1_000_000)));
            }
            boolean adcvd = random.nextInt(4) == 0;
            lines.add(new Line(
                    String.valueOf(n),
                    String.format("%02d", 1 + random.nextInt(97)) + String.format("%08d", random.nextInt(100_000_000)),
                    additional,
                    List.of("CN", "VN", "DE", "MX", "**").get(random.nextInt(5)),
                    random.nextBoolean() ? "CN" : null,
                    random.nextBoolean() ? "CNSHEELE" + random.nextInt(10_000) + "SHE" : null,
                    random.nextBoolean() ? "ARTICLE " + n + " OF ENTRY " + index : null,
                    String.valueOf(random.nextInt(2_000_000)),
                    BigDecimal.valueOf(random.nextInt(1_000_000), 2)
                            .stripTrailingZeros()
                            .toPlainString(),
                    List.of("NO", "KG", "DOZ", "M2").get(random.nextInt(4)),
                    random.nextBoolean() ? String.valueOf(random.nextInt(100_000)) : null,
                    List.of("true", "false").get(random.nextInt(2)),
                    lineDuty.toPlainString(),
                    adcvd ? "A" + String.format("%09d", random.nextInt(1_000_000_000)) : null,
                    adcvd ? BigDecimal.valueOf(random.nextInt(1_000_000), 2).toPlainString() : null,
                    lineFees));
        }
        return new SubmittedEntrySummary(
                EntryNumber.of(filer, serial).value(),
                List.of("01", "03", "11", "06").get(random.nextInt(4)),
                String.format("%02d-%07dAB", random.nextInt(100), random.nextInt(10_000_000)),
                List.of("2704", "2709", "1901", "5301").get(random.nextInt(4)),
                entryDate.toString(),
                entryDate.plusDays(random.nextInt(10)).toString(),
                List.of("10", "11", "40", "30").get(random.nextInt(4)),
                List.of("8", "9", "0").get(random.nextInt(3)),
                random.nextBoolean() ? "true" : "false",
                null,
                duty.setScale(2).toPlainString(),
                fees.setScale(2).toPlainString(),
                lines);
    }

    private static Line line(
            String lineNumber, String hts, List<String> additional, String duty, String value, String quantity) {
        return new Line(
                lineNumber,
                hts,
                additional,
                "CN",
                "CN",
                null,
                null,
                value,
                quantity,
                "NO",
                "1200",
                "false",
                duty,
                null,
                null,
                List.of(new Fee("499", "433.00"), new Fee("501", "156.25")));
    }

    private static SubmittedEntrySummary summary(Line line) {
        return summaryOf(line);
    }

    private static SubmittedEntrySummary summaryOf(Line... lines) {
        return new SubmittedEntrySummary(
                "ABC12345676",
                "01",
                "12-3456789AB",
                "2704",
                "2026-03-15",
                "2026-03-25",
                "11",
                "8",
                "false",
                null,
                null,
                null,
                List.of(lines));
    }

    private static SubmittedEntrySummary withSummaryDate(SubmittedEntrySummary summary, String summaryDate) {
        return new SubmittedEntrySummary(
                summary.entryNumber(),
                summary.entryType(),
                summary.importerNumber(),
                summary.portOfEntry(),
                summary.entryDate(),
                summaryDate,
                summary.modeOfTransport(),
                summary.bondType(),
                summary.postSummaryCorrection(),
                summary.totalEnteredValue(),
                summary.totalDuty(),
                summary.totalFees(),
                summary.lines());
    }

    private static SubmittedEntrySummary withEntryNumber(SubmittedEntrySummary summary, String entryNumber) {
        return new SubmittedEntrySummary(
                entryNumber,
                summary.entryType(),
                summary.importerNumber(),
                summary.portOfEntry(),
                summary.entryDate(),
                summary.summaryDate(),
                summary.modeOfTransport(),
                summary.bondType(),
                summary.postSummaryCorrection(),
                summary.totalEnteredValue(),
                summary.totalDuty(),
                summary.totalFees(),
                summary.lines());
    }

    private static SubmittedEntrySummary withTotals(SubmittedEntrySummary summary, String duty, String fees) {
        return new SubmittedEntrySummary(
                summary.entryNumber(),
                summary.entryType(),
                summary.importerNumber(),
                summary.portOfEntry(),
                summary.entryDate(),
                summary.summaryDate(),
                summary.modeOfTransport(),
                summary.bondType(),
                summary.postSummaryCorrection(),
                summary.totalEnteredValue(),
                duty,
                fees,
                summary.lines());
    }

    private static String pad(String record) {
        return record + " ".repeat(80 - record.length());
    }

    private static String write(List<SubmittedEntrySummary> summaries) {
        StringWriter out = new StringWriter();
        try (CatairAeWriter writer = new CatairAeWriter(out)) {
            summaries.forEach(writer::write);
        }
        return out.toString();
    }

    private static List<SubmittedEntrySummary> parsedSummaries(String text) {
        return parsedSummaries(new StringReader(text));
    }

    private static List<SubmittedEntrySummary> parsedSummaries(Reader in) {
        List<SubmittedEntrySummary> summaries = new ArrayList<>();
        try (CatairAeReader reader = new CatairAeReader(in, RECEIVED_ON)) {
            reader.forEachRemaining(read -> {
                assertThat(read).isInstanceOf(ReadRecord.Parsed.class);
                summaries.add(((ReadRecord.Parsed) read).summary());
            });
        }
        return summaries;
    }
}

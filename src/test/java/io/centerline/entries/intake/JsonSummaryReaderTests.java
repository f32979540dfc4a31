package io.centerline.entries.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.centerline.entries.IntakeError;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.SubmittedEntrySummary.Fee;
import io.centerline.entries.SubmittedEntrySummary.Line;
import io.centerline.platform.RefusedInput;
import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSummaryReaderTests {

    private static final String SPECIFICATION_EXAMPLE = """
            {"entryNumber": "ABC-1234567-6", "entryType": "01", "importerNumber": "12-3456789AB", "portOfEntry": "2704", \
            "entryDate": "2026-03-02", "summaryDate": "2026-03-12", "modeOfTransport": "11", "postSummaryCorrection": false,
             "lines": [{"lineNumber": 1, "htsNumber": "8471300100", "countryOfOrigin": "VN", "countryOfExport": "VN", \
            "manufacturerId": "VNSAMELE12HAN", "description": "portable laptop computers", "enteredValue": "125000.00", \
            "quantity": "500", "unit": "NO", "grossWeightKg": "1200", "relatedParty": false, "dutyAmount": "0.00", \
            "adcvdCaseNumber": null}]}
            """;

    @Test
    void readObjectOfTheSpecificationExampleGivesExactlyTheExpectedSummary() {
        ReadRecord record = JsonSummaryReader.readObject(SPECIFICATION_EXAMPLE, 1);

        SubmittedEntrySummary expected = new SubmittedEntrySummary(
                "ABC-1234567-6",
                "01",
                "12-3456789AB",
                "2704",
                "2026-03-02",
                "2026-03-12",
                "11",
                null,
                "false",
                null,
                null,
                null,
                List.of(new Line(
                        "1",
                        "8471300100",
                        List.of(),
                        "VN",
                        "VN",
                        "VNSAMELE12HAN",
                        "portable laptop computers",
                        "125000.00",
                        "500",
                        "NO",
                        "1200",
                        "false",
                        "0.00",
                        null,
                        null,
                        List.of())));
        assertThat(record).isEqualTo(new ReadRecord.Parsed(1, expected));
    }

    @Test
    void ndjsonWrittenInUtf16OrUtf32WithAByteOrderMarkIsRefusedWholeNamingItsEncoding() {
        String text = SPECIFICATION_EXAMPLE.replace("\n", " ").strip() + "\n";
        Map<java.nio.charset.Charset, String> encodings = Map.of(
                StandardCharsets.UTF_16LE,
                "UTF-16 (little-endian)",
                StandardCharsets.UTF_16BE,
                "UTF-16 (big-endian)",
                java.nio.charset.Charset.forName("UTF-32LE"),
                "UTF-32 (little-endian)",
                java.nio.charset.Charset.forName("UTF-32BE"),
                "UTF-32 (big-endian)");
        encodings.forEach((charset, name) -> {
            byte[] bytes = ("\uFEFF" + text + text).getBytes(charset);

            assertThatThrownBy(() -> new JsonSummaryReader(new ByteArrayInputStream(bytes)))
                    .as(name)
                    .isInstanceOfSatisfying(RefusedInput.class, refused -> {
                        assertThat(refused.code()).isEqualTo("JSON_ENCODING");
                        assertThat(refused.getMessage())
                                .isEqualTo("The newline-delimited JSON starts with the byte order mark of " + name
                                        + ": it is written in that encoding, and is read as UTF-8 only; save or send"
                                        + " it as UTF-8 (with or without a byte order mark).");
                    });
        });
    }

    @Test
    void ndjsonInUtf8WithItsByteOrderMarkIsReadAsWithout() {
        String line = SPECIFICATION_EXAMPLE.replace("\n", " ").strip();
        byte[] bytes = ("\uFEFF" + line + "\n" + line.replace("ABC-1234567-6", "ABC12345676"))
                .getBytes(StandardCharsets.UTF_8);
        List<ReadRecord> records = new ArrayList<>();
        try (JsonSummaryReader reader = new JsonSummaryReader(new ByteArrayInputStream(bytes))) {
            reader.forEachRemaining(records::add);
        }

        assertThat(records).hasSize(2).allSatisfy(record -> assertThat(record).isInstanceOf(ReadRecord.Parsed.class));
    }

    @Test
    void ndjsonShorterThanAByteOrderMarkIsReadAsItIs() {
        List<ReadRecord> records = new ArrayList<>();
        try (JsonSummaryReader reader =
                new JsonSummaryReader(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)))) {
            reader.forEachRemaining(records::add);
        }

        assertThat(records).hasSize(1);
    }

    @Test
    void eachRecordStartsOnTheFileLineItIsWrittenOnBlankLinesCounted() {
        String line = SPECIFICATION_EXAMPLE.replace("\n", " ").strip();
        String text = "\n" + line + "\n\n{\"entryNumber\": \"broken\n" + line + "\n";
        for (boolean bytes : new boolean[] {false, true}) {
            List<ReadRecord> records = new ArrayList<>();
            try (JsonSummaryReader reader = bytes
                    ? new JsonSummaryReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                    : new JsonSummaryReader(new StringReader(text))) {
                reader.forEachRemaining(records::add);
            }

            assertThat(records)
                    .extracting(ReadRecord::position, ReadRecord::fileLine)
                    .containsExactly(tuple(1, 2L), tuple(2, 4L), tuple(3, 5L));
        }
    }

    @Test
    void blankLinesAreSkippedAndDoNotCountAsPositions() {
        List<ReadRecord> records = readAll("\n   \n{\"entryNumber\":\"A\"}\n\n\t\n{\"entryNumber\":\"B\"}\n\n");

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2);
        assertThat(records)
                .extracting(r -> ((ReadRecord.Parsed) r).summary().entryNumber())
                .containsExactly("A", "B");
    }

    @Test
    void carriageReturnLineFeedEndsALine() {
        List<ReadRecord> records = readAll("{\"entryNumber\":\"A\"}\r\n\r\n{\"entryNumber\":\"B\"}\r\n");

        assertThat(records)
                .extracting(r -> ((ReadRecord.Parsed) r).summary().entryNumber())
                .containsExactly("A", "B");
    }

    @Test
    void aMalformedLineIsUnreadableWithJsonSyntaxNamingTheFileLineAndReadingContinues() {
        List<ReadRecord> records =
                readAll("{\"entryNumber\":\"A\"}\n\n{\"entryNumber\": \"B\",\n{\"entryNumber\":\"C\"}\n");

        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isInstanceOf(ReadRecord.Parsed.class);
        ReadRecord.Unreadable bad = (ReadRecord.Unreadable) records.get(1);
        assertThat(bad.position()).isEqualTo(2);
        assertThat(bad.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("JSON_SYNTAX");
            assertThat(error.line()).isNull();
            assertThat(error.message()).contains("File line 3");
        });
        assertThat(records.get(2)).isInstanceOf(ReadRecord.Parsed.class);
        assertThat(records.get(2).position()).isEqualTo(3);
        assertThat(((ReadRecord.Parsed) records.get(2)).summary().entryNumber()).isEqualTo("C");
    }

    @Test
    void unknownHeaderAndLineFieldsGiveUnknownFieldWithTheLineIndexForLineFields() {
        List<ReadRecord> records = readAll("{\"entryNumber\":\"A\",\"colour\":\"red\",\"lines\":["
                + "{\"lineNumber\":1},{\"lineNumber\":2,\"htsCode\":\"8471300100\"}]}\n");

        ReadRecord.Unreadable record = (ReadRecord.Unreadable) records.get(0);
        assertThat(record.entryNumber()).isEqualTo("A");
        assertThat(record.errors())
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactlyInAnyOrder(
                        tuple(null, "colour", "UNKNOWN_FIELD"), tuple(2, "htsCode", "UNKNOWN_FIELD"));
        assertThat(record.errors())
                .allSatisfy(error -> assertThat(error.message()).contains("(file line 1)"));
    }

    @Test
    void aFieldGivenTwiceInASummaryOrALineIsRefusedRatherThanOneOfItsValuesTaken() {
        List<ReadRecord> records = readAll("{\"entryNumber\":\"A\",\"entryType\":\"01\",\"entryType\":\"03\","
                + "\"lines\":[{\"lineNumber\":1,\"enteredValue\":\"1.00\",\"enteredValue\":\"2.00\"}]}\n");

        ReadRecord.Unreadable record = (ReadRecord.Unreadable) records.get(0);
        assertThat(record.errors())
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code, IntakeError::message)
                .containsExactly(
                        tuple(
                                null,
                                "entryType",
                                "DUPLICATE_FIELD",
                                "'entryType' is given more than once in the summary (file line 1); give each field"
                                        + " once."),
                        tuple(
                                1,
                                "enteredValue",
                                "DUPLICATE_FIELD",
                                "'enteredValue' is given more than once in the line item (file line 1); give each"
                                        + " field once."));
    }

    @Test
    void linesFeesAndAFeesClassGivenTwiceAreRefusedRatherThanMerged() {
        ReadRecord.Unreadable record = (ReadRecord.Unreadable) readAll("{\"entryNumber\":\"A\","
                        + "\"lines\":[{\"lineNumber\":1,\"fees\":[],\"fees\":[{\"classCode\":\"499\","
                        + "\"classCode\":\"501\",\"amount\":\"1.00\"}]}],\"lines\":[]}\n")
                .get(0);

        assertThat(record.errors())
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactlyInAnyOrder(
                        tuple(1, "fees", "DUPLICATE_FIELD"),
                        tuple(1, "classCode", "DUPLICATE_FIELD"),
                        tuple(null, "lines", "DUPLICATE_FIELD"));
    }

    @Test
    void aNullAdditionalHtsNumberIsReportedNotPassedOn() {
        ReadRecord.Unreadable record = (ReadRecord.Unreadable)
                readAll("{\"entryNumber\":\"A\",\"lines\":[{\"lineNumber\":1,\"additionalHtsNumbers\":[null]}]}\n")
                        .get(0);

        assertThat(record.errors())
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactly(tuple(1, "additionalHtsNumbers", "FIELD_TYPE"));
    }

    @Test
    void aNumberWithAnExponentTooLargeToWriteOutIsPassedOnAsWritten() {
        SubmittedEntrySummary summary = ((ReadRecord.Parsed) readAll("{\"entryNumber\":\"A\",\"lines\":["
                                + "{\"lineNumber\":1,\"enteredValue\":1e2147483647,\"quantity\":1e-999999999,"
                                + "\"dutyAmount\":1.5e2,\"grossWeightKg\":1e2147483648,\"adcvdDeposit\":1E-99}]}\n")
                        .get(0))
                .summary();

        assertThat(summary.lines().get(0).enteredValue()).isEqualTo("1e2147483647");
        assertThat(summary.lines().get(0).quantity()).isEqualTo("1e-999999999");
        assertThat(summary.lines().get(0).dutyAmount()).isEqualTo("150");
        assertThat(summary.lines().get(0).grossWeightKg()).isEqualTo("1e2147483648");
        assertThat(summary.lines().get(0).adcvdDeposit()).isEqualTo("1E-99");
    }

    @Test
    void anArrayOrObjectWhereAScalarIsExpectedGivesFieldType() {
        List<ReadRecord> records = readAll("{\"entryNumber\":[\"A\"],\"entryType\":{\"code\":\"01\"},"
                + "\"lines\":[{\"lineNumber\":1,\"enteredValue\":[100]}]}\n");

        ReadRecord.Unreadable record = (ReadRecord.Unreadable) records.get(0);
        assertThat(record.errors())
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactlyInAnyOrder(
                        tuple(null, "entryNumber", "FIELD_TYPE"),
                        tuple(null, "entryType", "FIELD_TYPE"),
                        tuple(1, "enteredValue", "FIELD_TYPE"));
    }

    @Test
    void linesThatIsNotAnArrayOrALineThatIsNotAnObjectGivesFieldType() {
        ReadRecord notArray = JsonSummaryReader.readObject("{\"entryNumber\":\"A\",\"lines\":{}}", 1);
        ReadRecord notObject = JsonSummaryReader.readObject("{\"entryNumber\":\"A\",\"lines\":[{},\"x\"]}", 1);

        assertThat(((ReadRecord.Unreadable) notArray).errors())
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactly(tuple(null, "lines", "FIELD_TYPE"));
        assertThat(((ReadRecord.Unreadable) notObject).errors())
                .extracting(IntakeError::line, IntakeError::field, IntakeError::code)
                .containsExactly(tuple(2, "lines", "FIELD_TYPE"));
    }

    @Test
    void jsonNumbersKeepTheirWrittenDecimalsAndComeOutAsPlainTextWithoutExponent() {
        SubmittedEntrySummary summary = parsed("{\"entryNumber\":\"A\",\"totalEnteredValue\":125000.00,"
                + "\"totalDuty\":1E+3,\"totalFees\":12345678901234567890123,\"lines\":[{\"lineNumber\":1,"
                + "\"enteredValue\":0.10,\"quantity\":2.5e-2,\"grossWeightKg\":1200}]}");

        assertThat(summary.totalEnteredValue()).isEqualTo("125000.00");
        assertThat(summary.totalDuty()).isEqualTo("1000");
        assertThat(summary.totalFees()).isEqualTo("12345678901234567890123");
        Line line = summary.lines().get(0);
        assertThat(line.lineNumber()).isEqualTo("1");
        assertThat(line.enteredValue()).isEqualTo("0.10");
        assertThat(line.quantity()).isEqualTo("0.025");
        assertThat(line.grossWeightKg()).isEqualTo("1200");
    }

    @Test
    void booleansBecomeTrueOrFalseText() {
        SubmittedEntrySummary summary = parsed("{\"entryNumber\":\"A\",\"postSummaryCorrection\":true,"
                + "\"lines\":[{\"relatedParty\":false},{\"relatedParty\":true}]}");

        assertThat(summary.postSummaryCorrection()).isEqualTo("true");
        assertThat(summary.lines()).extracting(Line::relatedParty).containsExactly("false", "true");
    }

    @Test
    void nullFieldsBecomeNull() {
        SubmittedEntrySummary summary = parsed("{\"entryNumber\":\"A\",\"entryType\":null,\"bondType\":null,"
                + "\"lines\":[{\"lineNumber\":null,\"adcvdCaseNumber\":null,\"additionalHtsNumbers\":null,"
                + "\"fees\":null}]}");

        assertThat(summary.entryType()).isNull();
        assertThat(summary.bondType()).isNull();
        Line line = summary.lines().get(0);
        assertThat(line.lineNumber()).isNull();
        assertThat(line.adcvdCaseNumber()).isNull();
        assertThat(line.additionalHtsNumbers()).isEmpty();
        assertThat(line.fees()).isEmpty();
    }

    @Test
    void nullLinesGiveASummaryWithoutLines() {
        assertThat(parsed("{\"entryNumber\":\"A\",\"lines\":null}").lines()).isEmpty();
    }

    @Test
    void additionalHtsNumbersAndFeesArraysAreRead() {
        SubmittedEntrySummary summary = parsed("{\"entryNumber\":\"A\",\"lines\":[{\"lineNumber\":1,"
                + "\"additionalHtsNumbers\":[\"9903880300\",\"9903010100\"],"
                + "\"fees\":[{\"classCode\":\"499\",\"amount\":\"433.00\"},{\"classCode\":501,\"amount\":156.25}]}]}");

        Line line = summary.lines().get(0);
        assertThat(line.additionalHtsNumbers()).containsExactly("9903880300", "9903010100");
        assertThat(line.fees()).containsExactly(new Fee("499", "433.00"), new Fee("501", "156.25"));
    }

    @Test
    void aNonObjectTopLevelValueIsJsonSyntax() {
        List<ReadRecord> records = readAll("[{\"entryNumber\":\"A\"}]\n\"A\"\n42\nnull\n");

        assertThat(records)
                .hasSize(4)
                .allSatisfy(record -> assertThat(((ReadRecord.Unreadable) record).errors())
                        .singleElement()
                        .satisfies(error -> assertThat(error.code()).isEqualTo("JSON_SYNTAX")));
        assertThat(((ReadRecord.Unreadable) records.get(2)).errors().get(0).message())
                .contains("file line 3");
        assertThat(JsonSummaryReader.readObject("[1, 2]", 7))
                .isInstanceOfSatisfying(ReadRecord.Unreadable.class, record -> {
                    assertThat(record.position()).isEqualTo(7);
                    assertThat(record.errors()).extracting(IntakeError::code).containsExactly("JSON_SYNTAX");
                });
    }

    @Test
    void readObjectOfMalformedJsonIsJsonSyntaxAtTheGivenPosition() {
        assertThat(JsonSummaryReader.readObject("{\"entryNumber\": ", 3))
                .isInstanceOfSatisfying(ReadRecord.Unreadable.class, record -> {
                    assertThat(record.position()).isEqualTo(3);
                    assertThat(record.entryNumber()).isNull();
                    assertThat(record.errors())
                            .extracting(IntakeError::line, IntakeError::code)
                            .containsExactly(tuple(null, "JSON_SYNTAX"));
                });
    }

    @Test
    void aLazilyGeneratedInputOfTwoHundredThousandLinesIsReadRecordByRecordWithoutKeepingThem() {
        int lines = 200_000;
        int count = 0;
        int lastPosition = 0;
        try (JsonSummaryReader reader = new JsonSummaryReader(new GeneratedLines(lines))) {
            while (reader.hasNext()) {
                ReadRecord record = reader.next();
                assertThat(record).isInstanceOf(ReadRecord.Parsed.class);
                count++;
                lastPosition = record.position();
            }
        }
        assertThat(count).isEqualTo(lines);
        assertThat(lastPosition).isEqualTo(lines);
    }

    private static SubmittedEntrySummary parsed(String json) {
        ReadRecord record = JsonSummaryReader.readObject(json, 1);
        assertThat(record).isInstanceOf(ReadRecord.Parsed.class);
        return ((ReadRecord.Parsed) record).summary();
    }

    @Test
    void aLineLongerThanTheReadBufferIsReadWholeFromBytes() {
        String description = "x".repeat(300_000);
        List<ReadRecord> records =
                readAll("{\"entryNumber\":\"A\"}\n{\"entryNumber\":\"B\",\"lines\":[{\"description\":\"" + description
                        + "\"}]}\n{\"entryNumber\":\"C\"}");

        assertThat(records)
                .extracting(r -> ((ReadRecord.Parsed) r).summary().entryNumber())
                .containsExactly("A", "B", "C");
        assertThat(((ReadRecord.Parsed) records.get(1)).summary().lines().get(0).description())
                .isEqualTo(description);
    }

    @Test
    void textBeyondAsciiIsDecodedAsUtf8FromBytes() {
        List<ReadRecord> records =
                readAll("{\"entryNumber\":\"A\",\"lines\":[{\"description\":\"crème brûlée — 東京\"}]}");

        assertThat(((ReadRecord.Parsed) records.get(0)).summary().lines().get(0).description())
                .isEqualTo("crème brûlée — 東京");
    }

    @Test
    void aLineThatIsNotValidUtf8IsUnreadableAndReadingContinues() {
        byte[] bad = "{\"entryNumber\":\"B\",\"lines\":[{\"description\":\"caf\u00e9\"}]}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = "{\"entryNumber\":\"A\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[good.length * 2 + bad.length];
        System.arraycopy(good, 0, input, 0, good.length);
        System.arraycopy(bad, 0, input, good.length, bad.length);
        System.arraycopy(good, 0, input, good.length + bad.length, good.length);
        List<ReadRecord> records = new ArrayList<>();
        try (JsonSummaryReader reader = new JsonSummaryReader(new ByteArrayInputStream(input))) {
            reader.forEachRemaining(records::add);
        }

        assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2, 3);
        assertThat(records.get(1))
                .isInstanceOfSatisfying(
                        ReadRecord.Unreadable.class,
                        unreadable -> assertThat(unreadable.errors())
                                .singleElement()
                                .satisfies(error -> {
                                    assertThat(error.code()).isEqualTo("JSON_SYNTAX");
                                    assertThat(error.message()).contains("File line 2");
                                }));
        assertThat(records.get(2)).isInstanceOf(ReadRecord.Parsed.class);
    }

    @Test
    void aLineLongerThanTheLimitIsRejectedUnreadWithItsLengthAndReadingContinues() {
        String longLine = "{\"entryNumber\":\"B\",\"lines\":[{\"description\":\"" + "x".repeat(200) + "\"}]}";
        String text = "{\"entryNumber\":\"A\"}\n" + longLine + "\r\n{\"entryNumber\":\"C\"}\n" + longLine;

        for (List<ReadRecord> records : List.of(readAll(text, 64, false), readAll(text, 64, true))) {
            assertThat(records).extracting(ReadRecord::position).containsExactly(1, 2, 3, 4);
            assertThat(((ReadRecord.Parsed) records.get(2)).summary().entryNumber())
                    .isEqualTo("C");
            for (int tooLong : new int[] {1, 3}) {
                assertThat(records.get(tooLong))
                        .isInstanceOfSatisfying(
                                ReadRecord.Unreadable.class,
                                unreadable -> assertThat(unreadable.errors())
                                        .singleElement()
                                        .satisfies(error -> {
                                            assertThat(error.code()).isEqualTo("JSON_LINE_TOO_LONG");
                                            assertThat(error.message())
                                                    .startsWith("File line " + (tooLong == 1 ? 2 : 4) + " is "
                                                            + longLine.length() + " ")
                                                    .contains("at most 64 ");
                                        }));
            }
        }
    }

    @Test
    void aLineOfExactlyTheLimitIsReadWhateverItsLineEnd() {
        String line = "{\"entryNumber\":\"A\",\"entryType\":\"01\"}";
        for (String end : List.of("\n", "\r\n", "")) {
            for (boolean bytes : new boolean[] {false, true}) {
                assertThat(readAll(line + end, line.length(), bytes))
                        .singleElement()
                        .isInstanceOf(ReadRecord.Parsed.class);
                assertThat(readAll(line + end, line.length() - 1, bytes))
                        .singleElement()
                        .isInstanceOf(ReadRecord.Unreadable.class);
            }
        }
    }

    private static List<ReadRecord> readAll(String text, int maxLine, boolean asBytes) {
        List<ReadRecord> records = new ArrayList<>();
        try (JsonSummaryReader reader = asBytes
                ? new JsonSummaryReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxLine)
                : new JsonSummaryReader(new StringReader(text), maxLine)) {
            reader.forEachRemaining(records::add);
        }
        return records;
    }

    @Test
    void aByteOrderMarkAtTheStartOfTheTextIsSkipped() {
        List<ReadRecord> records = readAll("\uFEFF{\"entryNumber\":\"A\"}\n{\"entryNumber\":\"B\"}\n");

        assertThat(records)
                .extracting(r -> ((ReadRecord.Parsed) r).summary().entryNumber())
                .containsExactly("A", "B");
        assertThat(parsed("\uFEFF{\"entryNumber\":\"A\"}").entryNumber()).isEqualTo("A");
    }

    @Test
    void anArrayOfSummariesOnALineIsUnreadableSayingABatchHoldsOneSummaryPerLine() {
        List<ReadRecord> records = readAll("[{\"entryNumber\":\"A\"}, {\"entryNumber\":\"B\"}]\n");

        assertThat(records)
                .singleElement()
                .isInstanceOfSatisfying(
                        ReadRecord.Unreadable.class,
                        unreadable -> assertThat(unreadable.errors())
                                .extracting(IntakeError::code, IntakeError::message)
                                .containsExactly(tuple(
                                        "JSON_SYNTAX",
                                        "A summary must be a JSON object (file line 1), not an array: a batch holds one"
                                                + " summary per line.")));
    }

    /** Words of the parser's own that mean nothing to a filer, and that no message may show. */
    private static final List<String> PARSER_WORDS = List.of(
            "Source",
            "REDACTED",
            "byte offset",
            "#UNKNOWN",
            "`",
            "StreamRead",
            "JsonReadFeature",
            "JsonToken",
            "VALUE_",
            "CTRL-CHAR",
            "(code ",
            "end-of-input",
            "marker");

    @Test
    void aSummaryPrettyPrintedOverSeveralLinesIsRefusedLineByLineSayingInPlainWordsThatASummaryIsOneObjectOnOneLine() {
        String prettyPrinted = String.join(
                "\n",
                "{",
                "  \"entryNumber\": \"ABC-1234567-6\",",
                "  \"lines\": [",
                "    {",
                "      \"lineNumber\": 1",
                "    }",
                "  ]",
                "}");

        List<ReadRecord> records = readAll(prettyPrinted + "\n");

        assertThat(records)
                .hasSize(8)
                .allSatisfy(record -> assertThat(((ReadRecord.Unreadable) record).errors())
                        .singleElement()
                        .satisfies(error -> {
                            assertThat(error.code()).isEqualTo("JSON_SYNTAX");
                            assertThat(error.message()).doesNotContain(PARSER_WORDS);
                        }));
        assertThat(((ReadRecord.Unreadable) records.get(0)).errors().get(0).message())
                .isEqualTo("File line 1 is not valid JSON: the line ends before the JSON object it opens is closed;"
                        + " a summary is one JSON object on one line, not written over several lines.");
        assertThat(((ReadRecord.Unreadable) records.get(6)).errors().get(0).message())
                .isEqualTo("File line 7 is not valid JSON: ']' closes an array that was never opened; a summary is"
                        + " one JSON object on one line, not written over several lines.");
        assertThat(((ReadRecord.Unreadable) records.get(7)).errors().get(0).message())
                .isEqualTo("File line 8 is not valid JSON: '}' closes an object that was never opened; a summary is"
                        + " one JSON object on one line, not written over several lines.");
    }

    @Test
    void anObjectNestedDeeperThan500LevelsIsRefusedInPlainWordsOnALineAndAsABody() {
        String deep = "{\"entryNumber\":\"A\",\"notes\":" + "[".repeat(600) + "]".repeat(600) + "}";

        List<ReadRecord> records = readAll(deep + "\n");
        ReadRecord body = JsonSummaryReader.readObject(deep, 1);

        assertThat(records)
                .singleElement()
                .isInstanceOfSatisfying(
                        ReadRecord.Unreadable.class,
                        unreadable -> assertThat(unreadable.errors())
                                .extracting(IntakeError::code, IntakeError::message)
                                .containsExactly(tuple(
                                        "JSON_SYNTAX",
                                        "File line 1 is not valid JSON: the JSON nests deeper than 500 levels of"
                                                + " objects and arrays; a summary nests five at most.")));
        assertThat(body)
                .isInstanceOfSatisfying(
                        ReadRecord.Unreadable.class,
                        unreadable -> assertThat(unreadable.errors())
                                .extracting(IntakeError::code, IntakeError::message)
                                .containsExactly(tuple(
                                        "JSON_SYNTAX",
                                        "The body is not valid JSON: the JSON nests deeper than 500 levels of objects"
                                                + " and arrays; a summary nests five at most.")));
    }

    @Test
    void everyJsonSyntaxMessageSaysWhatIsWrongInPlainWordsNeverInTheParsersOwn() {
        Map<String, String> mistakes = new LinkedHashMap<>();
        mistakes.put("{\"entryNumber\": ", "the line ends before the JSON object it opens is closed");
        mistakes.put("{\"entryNumber\": \"A", "the line ends inside a text value, before its closing quote");
        mistakes.put(
                "{\"entryNumber\": \"A\", \"imp}}}", "the line ends inside a field name, before its closing quote");
        mistakes.put("{\"entryNumber\": \"A\",}", "a field name in double quotes is expected here, not '}'");
        mistakes.put("{entryNumber: \"A\"}", "a field name in double quotes is expected here, not 'e'");
        mistakes.put("{'entryNumber': \"A\"}", "a field name in double quotes is expected here, not '''");
        mistakes.put("{\"entryNumber\" \"A\"}", "a colon is expected after the field name, not '\"'");
        mistakes.put(
                "{\"entryNumber\": \"A\" \"entryType\": \"01\"}",
                "a comma, or '}' to close the object, is expected after a field's value, not '\"'");
        mistakes.put(
                "{\"additionalHtsNumbers\": [\"1\" \"2\"]}",
                "a comma, or ']' to close the array, is expected after a value, not '\"'");
        mistakes.put("{\"entryNumber\": }", "a value is expected here (text in double quotes, a number, true, false,");
        mistakes.put("{\"entryNumber\": ABC}", "'ABC' is not a JSON value: text is written in double quotes");
        mistakes.put("{\"relatedParty\": True}", "'True' is not a JSON value");
        mistakes.put("{\"dutyAmount\": NaN}", "'NaN' is not a JSON value");
        mistakes.put("{\"dutyAmount\": 01}", "a number begins with a zero followed by more digits");
        mistakes.put("{\"dutyAmount\": +1}", "a number is written without a plus sign");
        mistakes.put("{\"dutyAmount\": 1.}", "a decimal point is followed by a digit, not '}'");
        mistakes.put("{\"entryNumber\": \"A\"]", "']' stands where '}' should close the object opened before it");
        mistakes.put("{\"description\": \"a\tb\"}", "a text value holds a tab, which JSON writes as \\t");
        mistakes.put("{\"description\": \"a\u0001b\"}", "a text value holds the control character U+0001");
        mistakes.put("{\"description\": \"a\\qb\"}", "a text value holds the escape \\q, which JSON does not know");
        mistakes.put("{\"description\": \"\\u12\"}", "a \\u escape takes four hexadecimal digits, not '\"'");
        mistakes.put("/* a summary */ {}", "JSON has no comments, and '/' stands where a value is expected");
        mistakes.put(
                "{\"dutyAmount\": 1" + "0".repeat(1200) + "}", "a number is written with more than 1000 characters");

        mistakes.forEach((line, reason) -> assertThat(readAll(line + "\n"))
                .as(line)
                .singleElement()
                .isInstanceOfSatisfying(
                        ReadRecord.Unreadable.class,
                        unreadable -> assertThat(unreadable.errors())
                                .singleElement()
                                .satisfies(error -> {
                                    assertThat(error.code()).isEqualTo("JSON_SYNTAX");
                                    assertThat(error.message())
                                            .startsWith("File line 1 is not valid JSON: " + reason)
                                            .doesNotContain(PARSER_WORDS);
                                })));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedInPlainWordsNamingTheLineAndColumnWhereReadingStopped() {
        ReadRecord read = JsonSummaryReader.readObject("{\n  \"entryNumber\": \"A\",\n  \"entryType\" \"01\"\n}", 1);

        assertThat(read)
                .isInstanceOfSatisfying(
                        ReadRecord.Unreadable.class,
                        unreadable -> assertThat(unreadable.errors())
                                .extracting(IntakeError::code, IntakeError::message)
                                .containsExactly(tuple(
                                        "JSON_SYNTAX",
                                        "The body is not valid JSON at line 3, column 15: a colon is expected after"
                                                + " the field name, not '\"'.")));
        assertThat(JsonSummaryReader.readObject("{\"entryNumber\": \"A\"", 1))
                .isInstanceOfSatisfying(
                        ReadRecord.Unreadable.class,
                        unreadable -> assertThat(unreadable.errors().get(0).message())
                                .isEqualTo("The body is not valid JSON at line 1, column 20: the body ends before the"
                                        + " JSON object it opens is closed."));
    }

    /** Reads the text both as characters and as UTF-8 bytes, which must give the same records. */
    private static List<ReadRecord> readAll(String text) {
        List<ReadRecord> records = readAll(text, JsonSummaryReader.MAX_LINE, false);
        assertThat(readAll(text, JsonSummaryReader.MAX_LINE, true)).isEqualTo(records);
        return records;
    }

    /** Produces NDJSON lines on demand, one at a time, so the whole input never exists as one string. */
    private static final class GeneratedLines extends Reader {

        private final int lines;
        private int produced;
        private char[] current = new char[0];
        private int offset;

        GeneratedLines(int lines) {
            this.lines = lines;
        }

        @Override
        public int read(char[] buffer, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (offset == current.length) {
                if (produced == lines) {
                    return -1;
                }
                produced++;
                String line = "{\"entryNumber\":\"E" + produced + "\",\"lines\":[{\"lineNumber\":1,"
                        + "\"enteredValue\":\"" + produced + ".00\"}]}\n";
                current = line.toCharArray();
                offset = 0;
            }
            int n = Math.min(len, current.length - offset);
            System.arraycopy(current, offset, buffer, off, n);
            offset += n;
            return n;
        }

        @Override
        public void close() {}
    }
}

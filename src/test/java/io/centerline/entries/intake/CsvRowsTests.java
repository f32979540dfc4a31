package io.centerline.entries.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvRowsTests {

    private static final CSVFormat COMMONS =
            CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();

    @Test
    void rowsAreSplitIntoValuesAsCommonsCsvSplitsThemUpToTheFirstRowItCannotRead() throws IOException {
        Random random = new Random(7);
        char[] alphabet = {'a', 'b', ' ', '\t', ',', ',', '"', '"', '\n', '\r'};
        int unreadable = 0;
        for (int text = 0; text < 20_000; text++) {
            StringBuilder csv = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                csv.append(alphabet[random.nextInt(alphabet.length)]);
            }
            List<List<String>> expected = new ArrayList<>();
            boolean failed = false;
            try (CSVParser parser = CSVParser.parse(csv.toString(), COMMONS)) {
                for (CSVRecord record : parser) {
                    expected.add(record.toList());
                }
            } catch (UncheckedIOException e) {
                failed = true;
                unreadable++;
            }

            List<List<String>> read = new ArrayList<>();
            CsvRows rows = new CsvRows(new StringReader(csv.toString()), 1 << 10);
            CsvRows.Row row;
            while ((row = rows.next()) instanceof CsvRows.Read values) {
                read.add(values.values());
            }

            String shown = csv.toString().replace("\r", "\\r").replace("\n", "\\n");
            assertThat(read).as(shown).isEqualTo(expected);
            if (failed) {
                assertThat(row).as(shown).isInstanceOf(CsvRows.Broken.class);
            } else {
                assertThat(row).as(shown).isNull();
            }
        }
        assertThat(unreadable).as("texts commons-csv cannot read").isBetween(2_000, 18_000);
    }

    @Test
    void rowsAreNumberedFromTheFirstAndLinesCountedAcrossLineBreaksInQuotedValues() throws IOException {
        CsvRows rows = new CsvRows(new StringReader("a,b\r\n\r\n\"c\r\nd\",e\rf,\"g\"\"\"\n\"h\"x,i\nj,k"), 1 << 10);

        assertThat(rows.next()).isEqualTo(new CsvRows.Read(1, 1, List.of("a", "b")));
        assertThat(rows.next()).isEqualTo(new CsvRows.Read(2, 3, List.of("c\r\nd", "e")));
        assertThat(rows.next()).isEqualTo(new CsvRows.Read(3, 5, List.of("f", "g\"")));
        assertThat(rows.next()).isInstanceOfSatisfying(CsvRows.Broken.class, broken -> {
            assertThat(broken.line()).isEqualTo(6);
            assertThat(broken.valuesBefore()).isEmpty();
            assertThat(broken.tooLong()).isFalse();
            assertThat(broken.resumesAt()).isEqualTo(7);
        });
        assertThat(rows.next()).isEqualTo(new CsvRows.Read(5, 7, List.of("j", "k")));
        assertThat(rows.next()).isNull();
    }
}

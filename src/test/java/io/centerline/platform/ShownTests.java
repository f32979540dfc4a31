package io.centerline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShownTests {

    @Test
    void aQuotedTextIsOneLineWhateverLineBreaksTabsOrFormatCharactersItHolds() {
        String filed = " widgets\r\n\nNOTE FROM SUPERVISOR:\tcleared in advance,\u2028close\u2029this\u0085review\u000B"
                + "now\u200B\u202Eok\u00A0\u0007end ";

        assertThat(Shown.quoted(filed))
                .isEqualTo("\"widgets NOTE FROM SUPERVISOR: cleared in advance, close this review now ok end\"")
                .doesNotContain("\n", "\r", "\t", "\u2028", "\u2029", "\u0085", "\u000B", "\u200B", "\u202E");
    }

    @Test
    void aQuoteOrBackslashInsideAQuotedTextIsWrittenAfterABackslashSoTheTextCannotCloseItsQuotes() {
        assertThat(Shown.quoted("bolts\" NOTE: cleared \\")).isEqualTo("\"bolts\\\" NOTE: cleared \\\\\"");
    }

    @Test
    void aLongQuotedTextIsCutWithAnEllipsisInsideItsQuotes() {
        String shown = Shown.quoted("x".repeat(Shown.LONGEST_QUOTED) + "\n\nRisk model v9: probability 0.00");

        assertThat(shown).isEqualTo("\"" + "x".repeat(Shown.LONGEST_QUOTED) + "\u2026\"");
    }

    @Test
    void aQuotedTextIsCutInCharactersAsAReaderCountsThem() {
        String emoji = "\uD83D\uDCE6";

        assertThat(Shown.quoted(emoji.repeat(Shown.LONGEST_QUOTED + 1)))
                .isEqualTo("\"" + emoji.repeat(Shown.LONGEST_QUOTED) + "\u2026\"");
    }

    @Test
    void aCodeIsShownAsItIsWhileItIsOneAndQuotedAsTextWhenItIsNot() {
        assertThat(Shown.code("A-570-967-000")).isEqualTo("A-570-967-000");
        assertThat(Shown.code("CN")).isEqualTo("CN");
        assertThat(Shown.code("CN\nNOTE: cleared")).isEqualTo("\"CN NOTE: cleared\"");
        assertThat(Shown.code("")).isEqualTo("\"\"");
    }

    @Test
    void anEchoedValueIsStillCutAtFortyCharactersAroundItsSpaces() {
        assertThat(Shown.value("  short  ")).isEqualTo("short");
        assertThat(Shown.value("y".repeat(50))).isEqualTo("y".repeat(Shown.LONGEST) + "\u2026");
    }

    @Test
    void aListOfValuesIsNamedWholeUpToFiveEachInQuotes() {
        assertThat(Shown.values(List.of("colour"))).isEqualTo("'colour'");
        assertThat(Shown.values(List.of("a", "b", "c", "d", "e"))).isEqualTo("'a', 'b', 'c', 'd', 'e'");
    }

    @Test
    void aLongerListNamesItsFirstFiveAndCountsTheRest() {
        List<String> given = new ArrayList<>();
        for (int i = 1; i <= 20_000; i++) {
            given.add("c" + i);
        }

        assertThat(Shown.values(given)).isEqualTo("'c1', 'c2', 'c3', 'c4', 'c5' and 19,995 more");
    }

    @Test
    void eachValueOfAListIsCutAsASingleValueIs() {
        String endless = "X".repeat(100_000);

        assertThat(Shown.values(List.of(endless, endless)))
                .isEqualTo("'" + Shown.value(endless) + "', '" + Shown.value(endless) + "'")
                .hasSize(2 * (Shown.LONGEST + 3) + 2);
    }

    @Test
    void itemsAlreadyOfBoundedLengthAreNamedUpToFiveAndTheRestCounted() {
        assertThat(Shown.some(List.of("0101-0110 and 0105-0120"))).isEqualTo("0101-0110 and 0105-0120");
        assertThat(Shown.some(List.of("1", "2", "3", "4", "5", "6", "7"))).isEqualTo("1, 2, 3, 4, 5 and 2 more");
    }

    @Test
    void aPathIsShownWithEachSegmentCutAsAValueAndNoMoreThanTwelveSegments() {
        assertThat(Shown.path("/api/v1/targeting/rules/CN-ALU-LOW-VALUE/versions/3/backtest"))
                .isEqualTo("/api/v1/targeting/rules/CN-ALU-LOW-VALUE/versions/3/backtest");
        assertThat(Shown.path("/api/v1/entry-summaries/" + "A".repeat(3_000) + "/versions"))
                .isEqualTo("/api/v1/entry-summaries/" + "A".repeat(40) + "\u2026/versions");
        assertThat(Shown.path("/a".repeat(2_000))).isEqualTo("/a".repeat(12) + "/\u2026");
    }
}

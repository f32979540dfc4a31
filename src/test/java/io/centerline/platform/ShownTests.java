package io.centerline.platform;

import static org.assertj.core.api.Assertions.assertThat;

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
}

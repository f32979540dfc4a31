package io.centerline.targeting.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

class NamesPropertyTests {

    @Property(tries = 2_000)
    void theOnePassNormalFormOfPlainAsciiIsTheGeneralOne(
            @ForAll @CharRange(from = ' ', to = '~') @Chars({'\t', '\n'}) @StringLength(max = 60) String text) {
        assertThat(Names.normalisedAscii(text)).isEqualTo(Names.normalisedUnicode(text));
    }

    @Property(tries = 200)
    void textBeyondAsciiTakesTheGeneralPath(@ForAll @CharRange(from = 'À', to = 'ÿ') char accented) {
        assertThat(Names.normalisedAscii("caf" + accented)).isNull();
        assertThat(Names.normaliseDescription("caf" + accented)).isEqualTo(Names.normalisedUnicode("caf" + accented));
    }
}

package io.centerline.entries;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class EntryNumberPropertyTests {

    @Provide
    Arbitrary<String> filerCodes() {
        return Arbitraries.strings()
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .ofLength(3);
    }

    @Provide
    Arbitrary<String> serials() {
        return Arbitraries.strings().numeric().ofLength(7);
    }

    @Provide
    Arbitrary<String> entryNumberLike() {
        Arbitrary<String> anything = Arbitraries.strings()
                .withChars("AZaz09-. \u0660")
                .withCharRange('0', '9')
                .ofMinLength(0)
                .ofMaxLength(14);
        Arbitrary<String> nearlyShaped = Combinators.combine(
                        Arbitraries.strings().withChars("ABZaz09-").ofLength(3),
                        Arbitraries.strings()
                                .withCharRange('0', '9')
                                .withChars("A-")
                                .ofMinLength(7)
                                .ofMaxLength(9))
                .as((filer, rest) -> filer + rest);
        return Arbitraries.oneOf(anything, nearlyShaped);
    }

    @Property(tries = 20_000)
    void aNumberIsRefusedForItsShapeExactlyWhenThePatternDoesNotMatchIt(@ForAll("entryNumberLike") String text) {
        // the written form ABC-1234567-6 loses its two dashes; a dash anywhere else stays and spoils the shape
        String normalised = text.trim().toUpperCase().replaceFirst("^(.{3})-(.{7})-(.)$", "$1$2$3");
        boolean refusedForShape = EntryNumber.check(text)
                .map(problem -> problem.code().equals("ENTRY_NUMBER_FORMAT"))
                .orElse(false);

        assertThat(refusedForShape).isEqualTo(!normalised.isEmpty() && !normalised.matches("[A-Z0-9]{3}[0-9]{8}"));
    }

    @Property
    void anEntryNumberBuiltFromFilerAndSerialAlwaysParsesBack(
            @ForAll("filerCodes") String filer, @ForAll("serials") String serial) {
        EntryNumber built = EntryNumber.of(filer, serial);

        assertThat(EntryNumber.check(built.value())).isEmpty();
        assertThat(EntryNumber.check(built.formatted())).isEmpty();
        assertThat(EntryNumber.parse(built.formatted())).isEqualTo(built);
        assertThat(built.filerCode()).isEqualTo(filer);
        assertThat(built.serial()).isEqualTo(serial);
    }

    /**
     * Odd positions count a digit once, so any change moves the total by 1 to 9; even positions map 0-9 through
     * doubling and digit sum to 0,2,4,6,8,1,3,5,7,9, a permutation. Either way a single changed digit of the serial
     * always changes the check digit, so the old one is always refused.
     */
    @Property
    void changingAnySingleDigitOfTheSerialIsAlwaysCaughtByTheCheckDigit(
            @ForAll("filerCodes") String filer,
            @ForAll("serials") String serial,
            @ForAll @IntRange(min = 0, max = 6) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        EntryNumber original = EntryNumber.of(filer, serial);
        char[] digits = serial.toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
        String changedSerial = new String(digits);
        String tampered = filer + changedSerial + original.value().charAt(10);

        int expected = EntryNumber.checkDigit(filer + changedSerial);
        assertThat(expected).isNotEqualTo(original.value().charAt(10) - '0');
        assertThat(EntryNumber.check(tampered)).hasValueSatisfying(problem -> {
            assertThat(problem.code()).isEqualTo("ENTRY_NUMBER_CHECK_DIGIT");
            assertThat(problem.message()).endsWith("should be " + expected + ".");
        });
    }
}

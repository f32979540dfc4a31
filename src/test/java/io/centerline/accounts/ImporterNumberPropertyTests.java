package io.centerline.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.accounts.ImporterNumber.Kind;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ImporterNumberPropertyTests {

    @Property(tries = 20_000)
    void theCharacterChecksAgreeWithTheThreeFormsAsPatterns(@ForAll("numberLike") String text) {
        Optional<Kind> expected = ImporterNumber.EIN.matcher(text).matches()
                ? Optional.of(Kind.EIN)
                : ImporterNumber.SSN.matcher(text).matches()
                        ? Optional.of(Kind.SSN)
                        : ImporterNumber.CBP_ASSIGNED.matcher(text).matches()
                                ? Optional.of(Kind.CBP_ASSIGNED)
                                : Optional.empty();

        assertThat(ImporterNumber.tryParse(text).map(ImporterNumber::kind)).isEqualTo(expected);
    }

    /** Strings shaped like the three forms, with any character of a wide alphabet in any place. */
    @Provide
    Arbitrary<String> numberLike() {
        String alphabet = "059-AHIJNOPYZ/:٣";
        Arbitrary<Character> any =
                Arbitraries.of('0', '5', '9', '-', 'A', 'H', 'I', 'J', 'N', 'O', 'P', 'Y', 'Z', '/', ':', '٣');
        Arbitrary<Character> digit = Arbitraries.chars().range('0', '9');
        Arbitrary<Character> suffix = Arbitraries.chars().range('0', 'Z');
        Arbitrary<String> ein = template(digit, suffix, "DD-DDDDDDDSS");
        Arbitrary<String> ssn = template(digit, suffix, "DDD-DD-DDDD");
        Arbitrary<String> cbp = template(digit, suffix, "DDDDDD-DDDDD");
        Arbitrary<String> free =
                Arbitraries.strings().withChars(alphabet).ofMinLength(10).ofMaxLength(13);
        Arbitrary<String> mutated = Arbitraries.oneOf(ein, ssn, cbp)
                .flatMap(valid -> Arbitraries.integers()
                        .between(0, valid.length() - 1)
                        .flatMap(at -> any.map(c -> valid.substring(0, at) + c + valid.substring(at + 1))));
        return Arbitraries.oneOf(ein, ssn, cbp, free, mutated);
    }

    private static Arbitrary<String> template(Arbitrary<Character> digit, Arbitrary<Character> suffix, String shape) {
        Arbitrary<String> result = Arbitraries.just("");
        for (char c : shape.toCharArray()) {
            Arbitrary<String> part = c == 'D'
                    ? digit.map(String::valueOf)
                    : c == 'S' ? suffix.map(String::valueOf) : Arbitraries.just(String.valueOf(c));
            result = result.flatMap(prefix -> part.map(p -> prefix + p));
        }
        return result;
    }
}

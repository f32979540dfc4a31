package io.centerline.platform;

import java.util.Arrays;

/**
 * The written reasons users give for a decision that changes what others see (an override of a Center assignment, the
 * end of a trusted-partner status, a resumed rule, a withdrawn map): a reason says something, at least
 * {@value #MINIMUM_WORDS} words of two or more letters or digits, so that "." or "ok" never stands in the audit log as
 * the why.
 */
public final class WrittenReasons {

    public static final int MINIMUM_WORDS = 3;

    private WrittenReasons() {}

    /** The words of two or more letters or digits in a text. */
    public static int words(String text) {
        if (text == null) {
            return 0;
        }
        return (int) Arrays.stream(text.strip().split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() > 1)
                .count();
    }

    /** Whether a reason says enough to stand in the audit log. */
    public static boolean saysEnough(String reason) {
        return words(reason) >= MINIMUM_WORDS;
    }
}

package io.centerline.platform;

import java.util.Arrays;
import java.util.Locale;

/**
 * The written reasons users give for a decision that changes what others see (an override of a Center assignment, the
 * end of a trusted-partner status, a resumed rule, a withdrawn map): a reason says something, at least
 * {@value #MINIMUM_WORDS} words of two or more letters or digits, so that "." or "ok" never stands in the audit log as
 * the why.
 */
public final class WrittenReasons {

    public static final int MINIMUM_WORDS = 3;

    /** The most characters a reason keeps: a paragraph or two for the audit log, not a document. */
    public static final int MAXIMUM_LENGTH = 2_000;

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

    /** Whether a reason is longer than {@value #MAXIMUM_LENGTH} characters, its surrounding blanks aside. */
    public static boolean tooLong(String reason) {
        return reason != null && reason.strip().length() > MAXIMUM_LENGTH;
    }

    /** The refusal's message for a reason that is {@link #tooLong}. */
    public static String tooLongMessage(String what) {
        return what + " may take at most " + String.format(Locale.ROOT, "%,d", MAXIMUM_LENGTH) + " characters";
    }

    /** Refuses a reason that is {@link #tooLong}, as {@code TOO_LONG}; {@code what} names it in the message. */
    public static void refuseTooLong(String reason, String what) {
        if (tooLong(reason)) {
            throw new Invalid("TOO_LONG", tooLongMessage(what));
        }
    }

    /** Whether a reason says enough to stand in the audit log. */
    public static boolean saysEnough(String reason) {
        return words(reason) >= MINIMUM_WORDS;
    }
}

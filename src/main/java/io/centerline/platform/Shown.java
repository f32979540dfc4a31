package io.centerline.platform;

/**
 * A value a sender gave, as a message or a rejection echoes it back: around its spaces, whole up to {@value #LONGEST}
 * characters, else its first {@value #LONGEST} characters and an ellipsis. No code, number, date or name of an entry
 * summary is that long, so a real value is always shown whole, and no message grows with what was sent: a field that
 * holds a hundred thousand characters is echoed in forty-one. Every echo of a submitted value in intake and validation
 * takes this one rule.
 */
public final class Shown {

    /** The most characters of a value a message shows; an entry number has 13 with its dashes. */
    public static final int LONGEST = 40;

    private static final String ELLIPSIS = "\u2026";

    private Shown() {}

    /**
     * The value as a message shows it, counted in characters as a reader counts them (a character outside the basic
     * plane is one, and never cut in half); null for null.
     */
    public static String value(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.length() <= LONGEST || trimmed.codePointCount(0, trimmed.length()) <= LONGEST) {
            return trimmed;
        }
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, LONGEST)) + ELLIPSIS;
    }
}

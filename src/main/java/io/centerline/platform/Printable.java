package io.centerline.platform;

/**
 * Text a reader can see and PostgreSQL can store: no control character (C0, DEL or C1) but tab, line feed and carriage
 * return, no half of a UTF-16 surrogate pair, and no replacement character standing for bytes that were not UTF-8. Entry summaries and every JSON request body are held to it.
 */
public final class Printable {

    /**
     * What a decoder puts for bytes that are not UTF-8: text holding it lost what the sender wrote, so it is refused
     * like a control character rather than stored changed.
     */
    public static final char REPLACEMENT = '\uFFFD';

    private Printable() {}

    /** Where the first character that is not printable text is, or -1 when there is none (or no text). */
    public static int unprintableAt(String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' || c == REPLACEMENT) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}

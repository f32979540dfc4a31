package io.centerline.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A value a sender gave, as a message or a rejection echoes it back: around its spaces, whole up to {@value #LONGEST}
 * characters, else its first {@value #LONGEST} characters and an ellipsis. No code, number, date or name of an entry
 * summary is that long, so a real value is always shown whole, and no message grows with what was sent: a field that
 * holds a hundred thousand characters is echoed in forty-one. Every echo of a submitted value in intake and validation
 * takes this one rule, and so does every echo of client text in an answer of the API: a path variable, a query
 * parameter, a column or field name. A list of such values is named in part ({@link #values}), so that no message
 * grows with how many were sent either.
 *
 * <p>Text a sender wrote that the product's own words take in, as a reason a specialist reads takes a line's
 * description, is {@link #quoted}: on one line and in quotes, so that none of it can read as words of the product's
 * own; a code is shown as it is while it is one ({@link #code}).
 */
public final class Shown {

    /** The most characters of a value a message shows; an entry number has 13 with its dashes. */
    public static final int LONGEST = 40;

    /**
     * The most characters of a sender's text a quotation shows: room for a usual commercial description of goods,
     * which is longer than a code, and none for a page of text.
     */
    public static final int LONGEST_QUOTED = 80;

    /** The most values of a list a message names; the others are counted. */
    public static final int MOST_NAMED = 5;

    /** The most segments of a request path a message shows; a path of the API has at most eight. */
    public static final int MOST_SEGMENTS = 12;

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
        return cut(text.trim(), LONGEST);
    }

    /**
     * A sender's text as the product's words quote it: on one line, each run of line breaks (U+2028 and U+2029 among
     * them), tabs, other spaces, control and format characters read as one space, around its spaces; whole up to
     * {@value #LONGEST_QUOTED} characters, else its first {@value #LONGEST_QUOTED} and an ellipsis; and in double
     * quotes, a double quote or backslash inside it written after a backslash. So {@code widgets\n\nNOTE: "cleared"}
     * is shown {@code "widgets NOTE: \"cleared\""}: whatever the text says stays inside its quotes, on the line of the
     * words around it. Null for null.
     */
    public static String quoted(String text) {
        if (text == null) {
            return null;
        }
        String shown = cut(oneLine(text), LONGEST_QUOTED);
        StringBuilder quoted = new StringBuilder(shown.length() + 8).append('"');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    /**
     * A code a sender gave (a country, an importer number, a unit, a case number), as the product's words write it: as
     * it is when it is one, up to {@value #LONGEST} letters, digits, dashes, dots and slashes, and {@link #quoted} as
     * text when it is not, since then it is no code. Null for null.
     */
    public static String code(String text) {
        if (text == null) {
            return null;
        }
        return isCode(text) ? text : quoted(text);
    }

    private static boolean isCode(String text) {
        if (text.isEmpty() || text.length() > LONGEST) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean plain = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '/';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text on one line, with single spaces: every run of characters that separate or format text rather than
     * show it (white space, line and paragraph separators, control and format characters, a lone half of a surrogate
     * pair) becomes one space, none at either end.
     */
    static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (separates(c)) {
                gap = true;
                continue;
            }
            if (gap && !line.isEmpty()) {
                line.append(' ');
            }
            gap = false;
            line.appendCodePoint(c);
        }
        return line.toString();
    }

    private static boolean separates(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    /** The text whole up to {@code longest} characters as a reader counts them, else cut there with an ellipsis. */
    private static String cut(String text, int longest) {
        if (text.length() <= longest || text.codePointCount(0, text.length()) <= longest) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, longest)) + ELLIPSIS;
    }

    /**
     * A request's path as a message shows it: each segment as {@link #value} shows a value sent, so that a path
     * variable of any length is cut, and after {@value #MOST_SEGMENTS} segments an ellipsis for the rest. Every path of
     * the API is shown whole.
     */
    public static String path(String path) {
        if (path == null) {
            return null;
        }
        String[] segments = path.split("/", -1);
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                shown.append('/');
            }
            if (i > MOST_SEGMENTS) {
                shown.append(ELLIPSIS);
                break;
            }
            shown.append(value(segments[i]));
        }
        return shown.toString();
    }

    /**
     * Values a sender gave, as a message names them: the first {@value #MOST_NAMED}, each in single quotes and shown as
     * {@link #value} shows it, and how many more there are ({@code 'colour', 'size' and 3 more}).
     */
    public static String values(List<String> given) {
        List<String> quoted = new ArrayList<>(Math.min(given.size(), MOST_NAMED));
        for (String text : given.subList(0, Math.min(given.size(), MOST_NAMED))) {
            quoted.add("'" + value(text) + "'");
        }
        return named(quoted, given.size());
    }

    /**
     * Items of a message, each already of a bounded length, named in part: the first {@value #MOST_NAMED} separated by
     * commas, and how many more there are.
     */
    public static String some(List<String> items) {
        return named(items.subList(0, Math.min(items.size(), MOST_NAMED)), items.size());
    }

    private static String named(List<String> named, int all) {
        String list = String.join(", ", named);
        return all > named.size()
                ? list + " and " + String.format(Locale.ROOT, "%,d", all - named.size()) + " more"
                : list;
    }
}

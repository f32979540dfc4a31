package io.centerline.platform;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * What is wrong with JSON the parser refused, said in plain words for the filer who sent it: what was found and what
 * JSON expects there. The parser's own message is read only to tell which mistake it found; its words, which name the
 * parser's settings, tokens and sources ({@code StreamReadConstraints}, {@code REDACTED}, {@code byte offset}), are
 * never shown. A mistake this class does not know is said to be JSON that cannot be read, with where it stands.
 */
public final class JsonSyntax {

    private static final Pattern CODE = Pattern.compile("code (\\d+)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern LIMIT = Pattern.compile("maximum allowed \\((\\d+)");
    private static final Pattern CLOSER = Pattern.compile("close marker '(.)'(?:: expected '(.)')?");

    private static final String ONE_LINE = "; a summary is one JSON object on one line, not written over several lines";

    private JsonSyntax() {}

    /**
     * The message of a JSON summary the parser refused: of a line of newline-delimited JSON ({@code fileLine} given),
     * or of the body of a single submission (null), which names the line and column where reading stopped.
     */
    public static String message(JacksonException e, Long fileLine) {
        String reason = reason(e, fileLine != null);
        if (fileLine != null) {
            return "File line " + fileLine + " is not valid JSON: " + reason + ".";
        }
        TokenStreamLocation at = e.getLocation();
        String where = at != null && at.getLineNr() > 0 && at.getColumnNr() > 0
                ? " at line " + at.getLineNr() + ", column " + at.getColumnNr()
                : "";
        return "The body is not valid JSON" + where + ": " + reason + ".";
    }

    /** The mistake, as a clause without a capital or a full stop. */
    public static String reason(JacksonException e, boolean line) {
        String said = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return limit(said);
        }
        String text = line ? "the line" : "the body";
        if (said.startsWith("Unexpected end-of-input")) {
            if (said.contains("property name")) {
                return text + " ends inside a field name, before its closing quote";
            }
            return said.contains("closing quote") || said.contains("VALUE_STRING")
                    ? text + " ends inside a text value, before its closing quote"
                    : text + " ends before the JSON object it opens is closed" + (line ? ONE_LINE : "");
        }
        if (said.startsWith("Unexpected close marker")) {
            return closer(said, line);
        }
        if (said.startsWith("Illegal unquoted character")) {
            int code = code(said);
            return code == '\t'
                    ? "a text value holds a tab, which JSON writes as \\t"
                    : "a text value holds the control character " + unicode(code)
                            + ", which JSON writes escaped, as \\n for a line break or \\u" + hex(code);
        }
        if (said.startsWith("Illegal character")) {
            return "the control character " + unicode(code(said))
                    + " stands between values, where only spaces, tabs and line breaks may";
        }
        if (said.startsWith("Unrecognized token") || said.startsWith("Non-standard token")) {
            return quoted(said)
                    + " is not a JSON value: text is written in double quotes, and true, false and null in small"
                    + " letters";
        }
        if (said.startsWith("Unrecognized character escape")) {
            return "a text value holds the escape \\" + (code(said) < 0 ? "" : Character.toString(code(said)))
                    + ", which JSON does not know: a backslash is written \\\\";
        }
        if (said.startsWith("Invalid UTF-8")) {
            return text + " is not UTF-8 text";
        }
        if (said.startsWith("Invalid numeric value")) {
            return said.contains("Leading zeroes")
                    ? "a number begins with a zero followed by more digits, which JSON does not allow"
                    : "a number is not written as JSON writes numbers";
        }
        if (said.startsWith("Unexpected character")) {
            return unexpected(said, character(code(said)));
        }
        return "it cannot be read as JSON";
    }

    private static String limit(String said) {
        Matcher limit = LIMIT.matcher(said);
        String most = limit.find() ? limit.group(1) : null;
        if (said.contains("nesting depth")) {
            return "the JSON nests deeper than " + (most == null ? "the" : most)
                    + " levels of objects and arrays; a summary nests five at most";
        }
        if (said.contains("Number value length")) {
            return "a number is written with more than " + (most == null ? "the most" : most) + " characters";
        }
        if (said.contains("Name length")) {
            return "a field name is longer than " + (most == null ? "the most" : most) + " characters";
        }
        if (said.contains("String value length")) {
            return "a text value is longer than " + (most == null ? "the most" : most) + " characters";
        }
        return "it holds more than JSON is read with";
    }

    private static String closer(String said, boolean line) {
        Matcher closer = CLOSER.matcher(said);
        if (!closer.find()) {
            return "a closing bracket stands where none may";
        }
        String found = closer.group(1);
        String expected = closer.group(2);
        if (expected == null) {
            return "'" + found + "' closes " + (found.equals("}") ? "an object" : "an array") + " that was never opened"
                    + (line ? ONE_LINE : "");
        }
        return "'" + found + "' stands where '" + expected + "' should close the "
                + (expected.equals("}") ? "object" : "array") + " opened before it";
    }

    private static String unexpected(String said, String found) {
        if (said.contains("double-quote to start property name")) {
            return "a field name in double quotes is expected here, not " + found;
        }
        if (said.contains("colon to separate")) {
            return "a colon is expected after the field name, not " + found;
        }
        if (said.contains("comma to separate Object")) {
            return "a comma, or '}' to close the object, is expected after a field's value, not " + found;
        }
        if (said.contains("comma to separate Array")) {
            return "a comma, or ']' to close the array, is expected after a value, not " + found;
        }
        if (said.contains("comment")) {
            return "JSON has no comments, and " + found + " stands where a value is expected";
        }
        if (said.contains("plus sign")) {
            return "a number is written without a plus sign";
        }
        if (said.contains("minus sign")) {
            return "a minus sign is followed by a digit, not " + found;
        }
        if (said.contains("Decimal point")) {
            return "a decimal point is followed by a digit, not " + found;
        }
        if (said.contains("Exponent")) {
            return "the exponent of a number is followed by a digit, not " + found;
        }
        if (said.contains("numeric value")) {
            return "a number is not written as JSON writes numbers: " + found + " stands in it";
        }
        if (said.contains("hex-digit")) {
            return "a \\u escape takes four hexadecimal digits, not " + found;
        }
        if (said.contains("root-level")) {
            return "more follows the JSON object, from " + found + " on; a summary is one JSON object";
        }
        if (said.contains("value")) {
            return "a value is expected here (text in double quotes, a number, true, false, null, an object or an"
                    + " array), not " + found;
        }
        return found + " cannot stand here";
    }

    /** The character the parser names by its code, or -1. */
    private static int code(String said) {
        Matcher code = CODE.matcher(said);
        if (!code.find()) {
            return -1;
        }
        try {
            return Integer.parseInt(code.group(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A character as a message shows it: in quotes when it prints, else by its code point. */
    private static String character(int code) {
        if (code < 0) {
            return "what stands there";
        }
        if (Character.isISOControl(code) || Character.isWhitespace(code) || Character.isSpaceChar(code)) {
            return "the character " + unicode(code);
        }
        return "'" + Character.toString(code) + "'";
    }

    /** The token the parser quotes, shown as every echoed value is, or "what stands there". */
    private static String quoted(String said) {
        Matcher quoted = QUOTED.matcher(said);
        return quoted.find() ? "'" + Shown.value(quoted.group(1)) + "'" : "what stands there";
    }

    private static String unicode(int code) {
        return "U+" + hex(code);
    }

    private static String hex(int code) {
        return String.format(Locale.ROOT, "%04X", Math.max(code, 0));
    }
}

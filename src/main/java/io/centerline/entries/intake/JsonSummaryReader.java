package io.centerline.entries.intake;

import io.centerline.entries.IntakeError;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.platform.ByteOrderMark;
import io.centerline.platform.JsonSyntax;
import io.centerline.platform.RefusedInput;
import io.centerline.platform.Shown;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads newline-delimited JSON: one entry summary object per line, blank lines ignored. Field names are exactly those
 * of {@link SubmittedEntrySummary}; a field Centerline does not know, a malformed line or a value of the wrong JSON
 * type makes that one record unreadable and reading goes on. A line that is not JSON ({@code JSON_SYNTAX}) is
 * reported in plain words by {@link JsonSyntax}, never in the parser's: a summary written over several lines, as
 * pretty-printed JSON is, is told to be one JSON object on one line.
 */
public final class JsonSummaryReader implements SummaryReader {

    private static final Logger LOG = LoggerFactory.getLogger(JsonSummaryReader.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The most digits a JSON number in exponent form is written out with; no amount, quantity or weight has more. */
    private static final int MAX_PLAIN_DIGITS = 64;

    private static final Map<String, Integer> HEADER = positions(SummaryFields.HEADER);
    private static final Map<String, Integer> LINE = positions(SummaryFields.LINE);

    /**
     * The longest line read, in bytes (in characters when the reader is given characters): 4 MiB. A summary holds at
     * most 999 lines, which take well under a megabyte; a longer line is rejected unread ({@code JSON_LINE_TOO_LONG}),
     * so that one line without an end cannot exhaust the memory of the service or the command line.
     */
    public static final int MAX_LINE = 4 << 20;

    /** Written by some programs at the start of UTF-8 text; skipped there (the UTF-8 parser of the bytes skips it). */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** The characters read, when the reader was given characters; null when it reads bytes. */
    private final BufferedReader text;
    /** The bytes read, when the reader was given a byte stream; null when it reads characters. */
    private final ByteLines bytes;

    private final int maxLine;
    /** The full length of the line last read as characters when it is longer than the limit, or -1. */
    private long textOverlong = -1;

    private int position;
    private long fileLine;
    private ReadRecord next;

    public JsonSummaryReader(Reader in) {
        this(in, MAX_LINE);
    }

    JsonSummaryReader(Reader in, int maxLine) {
        this.text = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in, 1 << 16);
        this.bytes = null;
        this.maxLine = maxLine;
    }

    /**
     * Reads UTF-8 bytes, and parses each line where it lies in the read buffer, without decoding it into a string
     * first. A line that is not valid UTF-8 is unreadable like any other malformed line.
     */
    public JsonSummaryReader(InputStream in) {
        this(in, MAX_LINE);
    }

    JsonSummaryReader(InputStream in, int maxLine) {
        this.text = null;
        this.bytes = new ByteLines(utf8(in), maxLine);
        this.maxLine = maxLine;
    }

    /**
     * The bytes, once their start shows they are UTF-8: text that starts with the byte order mark of UTF-16 or UTF-32
     * is refused whole ({@code JSON_ENCODING}), before any line is read. Read as UTF-8, every line of it would be
     * refused for a reason that says nothing of the encoding, or worse, a line could be half read. A UTF-8 byte order
     * mark is skipped.
     */
    private static InputStream utf8(InputStream in) {
        PushbackInputStream stream = new PushbackInputStream(in, 4);
        try {
            byte[] start = stream.readNBytes(4);
            ByteOrderMark.otherEncoding(start).ifPresent(encoding -> {
                throw new RefusedInput(
                        "JSON_ENCODING",
                        "The newline-delimited JSON starts with the byte order mark of " + encoding
                                + ": it is written in that encoding, and is read as UTF-8 only; save or send it as"
                                + " UTF-8 (with or without a byte order mark).");
            });
            stream.unread(start);
            return stream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one JSON object (the body of a single submission) as the record at a position. */
    public static ReadRecord readObject(String json, int position) {
        String text = json.startsWith(BYTE_ORDER_MARK) ? json.substring(1) : json;
        return parse(JSON.createParser(text), position, null);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readNext();
        }
        return next != null;
    }

    @Override
    public ReadRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ReadRecord record = next;
        next = null;
        return record;
    }

    private ReadRecord readNext() {
        if (bytes != null) {
            while (bytes.advance()) {
                fileLine++;
                if (bytes.overlong() >= 0) {
                    position++;
                    return tooLong(position, fileLine, bytes.overlong(), "bytes")
                            .startingAt(fileLine);
                }
                if (bytes.isBlank()) {
                    continue;
                }
                position++;
                return parse(JSON.createParser(bytes.buffer(), bytes.start(), bytes.length()), position, fileLine)
                        .startingAt(fileLine);
            }
            return null;
        }
        try {
            String line;
            while ((line = readTextLine()) != null) {
                fileLine++;
                if (textOverlong >= 0) {
                    position++;
                    return tooLong(position, fileLine, textOverlong, "characters")
                            .startingAt(fileLine);
                }
                if (fileLine == 1 && line.startsWith(BYTE_ORDER_MARK)) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                position++;
                return parse(JSON.createParser(line), position, fileLine).startingAt(fileLine);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next line of characters, ended as {@link ByteLines} ends a line of bytes (a line feed, a carriage return before
     * it dropped), or null at the end; a line longer than the limit is read to its end without being kept, and answered
     * as empty with its length in {@link #textOverlong}.
     */
    private String readTextLine() throws IOException {
        textOverlong = -1;
        int c = text.read();
        if (c < 0) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        long length = 0;
        int previous = -1;
        while (c >= 0 && c != '\n') {
            length++;
            if (kept.length() <= maxLine) {
                kept.append((char) c);
            }
            previous = c;
            c = text.read();
        }
        if (previous == '\r') {
            length--;
        }
        if (length > maxLine) {
            textOverlong = length;
            return "";
        }
        kept.setLength((int) length);
        return kept.toString();
    }

    /** A line longer than the limit, rejected unread with its length. */
    private ReadRecord tooLong(int position, long fileLine, long length, String unit) {
        return new ReadRecord.Unreadable(
                position,
                null,
                List.of(IntakeError.header(
                        null,
                        "JSON_LINE_TOO_LONG",
                        String.format(
                                Locale.ROOT,
                                "File line %d is %,d %s long; a summary may take at most %,d %s on its line.",
                                fileLine,
                                length,
                                unit,
                                maxLine,
                                unit))));
    }

    /**
     * Parses one summary object token by token, without building a tree: scalars are kept as the text written (a
     * decimal keeps its decimals; an exponent is written out), and every field Centerline does not know, or of the
     * wrong JSON type, is reported.
     */
    private static ReadRecord parse(JsonParser json, int position, Long fileLine) {
        Fields header = new Fields(HEADER);
        List<SubmittedEntrySummary.Line> lines = new ArrayList<>();
        List<IntakeError> errors = new ArrayList<>();
        try (JsonParser parser = json) {
            JsonToken start = parser.nextToken();
            if (start == JsonToken.START_ARRAY && fileLine != null) {
                return syntax(
                        position,
                        "A summary must be a JSON object" + where(fileLine)
                                + ", not an array: a batch holds one summary per line.");
            }
            if (start != JsonToken.START_OBJECT) {
                return syntax(position, "A summary must be a JSON object" + where(fileLine) + ".");
            }
            boolean linesRead = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("lines")) {
                    if (linesRead) {
                        errors.add(twice(name, null, "summary", fileLine));
                    }
                    linesRead = true;
                    readLines(parser, value, lines, errors, fileLine);
                } else if (header.accepts(name)) {
                    if (!header.put(name, scalar(parser, value, name, null, errors))) {
                        errors.add(twice(name, null, "summary", fileLine));
                    }
                } else {
                    errors.add(IntakeError.header(
                            Shown.value(name),
                            "UNKNOWN_FIELD",
                            "'" + Shown.value(name) + "' is not a field of an entry summary" + where(fileLine) + "."));
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                return syntax(
                        position, "A summary must be one JSON object, with nothing after it" + where(fileLine) + ".");
            }
        } catch (JacksonException e) {
            return syntax(position, JsonSyntax.message(e, fileLine));
        } catch (RuntimeException e) {
            // the line is read whole before it is parsed, so the next one is read as if this failure never was
            LOG.error("A JSON summary at position {} could not be read", position, e);
            return new ReadRecord.Unreadable(
                    position,
                    header.get("entryNumber"),
                    List.of(IntakeError.header(
                            null,
                            "UNREADABLE_RECORD",
                            (fileLine == null ? "The body" : "File line " + fileLine) + " could not be read (" + e
                                    + "); nothing of it was stored, and it held back no other summary. Please report"
                                    + " it.")));
        }
        String entryNumber = header.get("entryNumber");
        if (!errors.isEmpty()) {
            return new ReadRecord.Unreadable(position, entryNumber, errors);
        }
        return new ReadRecord.Parsed(
                position,
                new SubmittedEntrySummary(
                        entryNumber,
                        header.get("entryType"),
                        header.get("importerNumber"),
                        header.get("portOfEntry"),
                        header.get("entryDate"),
                        header.get("summaryDate"),
                        header.get("modeOfTransport"),
                        header.get("bondType"),
                        header.get("postSummaryCorrection"),
                        header.get("totalEnteredValue"),
                        header.get("totalDuty"),
                        header.get("totalFees"),
                        lines));
    }

    private static void readLines(
            JsonParser parser,
            JsonToken value,
            List<SubmittedEntrySummary.Line> lines,
            List<IntakeError> errors,
            Long fileLine) {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_ARRAY) {
            errors.add(
                    IntakeError.header("lines", "FIELD_TYPE", "'lines' must be a JSON array" + where(fileLine) + "."));
            parser.skipChildren();
            return;
        }
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            index++;
            if (token != JsonToken.START_OBJECT) {
                errors.add(IntakeError.line(
                        index,
                        "lines",
                        "FIELD_TYPE",
                        "Line item " + index + " must be a JSON object" + where(fileLine) + "."));
                parser.skipChildren();
                continue;
            }
            lines.add(readLine(parser, index, errors, fileLine));
        }
    }

    private static SubmittedEntrySummary.Line readLine(
            JsonParser parser, int index, List<IntakeError> errors, Long fileLine) {
        Fields line = new Fields(LINE);
        List<String> additional = new ArrayList<>();
        List<SubmittedEntrySummary.Fee> fees = new ArrayList<>();
        boolean additionalRead = false;
        boolean feesRead = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("additionalHtsNumbers")) {
                if (additionalRead) {
                    errors.add(twice(name, index, "line item", fileLine));
                }
                additionalRead = true;
                readAdditional(parser, value, index, additional, errors, fileLine);
            } else if (name.equals("fees")) {
                if (feesRead) {
                    errors.add(twice(name, index, "line item", fileLine));
                }
                feesRead = true;
                readFees(parser, value, index, fees, errors, fileLine);
            } else if (line.accepts(name)) {
                if (!line.put(name, scalar(parser, value, name, index, errors))) {
                    errors.add(twice(name, index, "line item", fileLine));
                }
            } else {
                errors.add(IntakeError.line(
                        index,
                        Shown.value(name),
                        "UNKNOWN_FIELD",
                        "'" + Shown.value(name) + "' is not a field of a line item" + where(fileLine) + "."));
                parser.skipChildren();
            }
        }
        return new SubmittedEntrySummary.Line(
                line.get("lineNumber"),
                line.get("htsNumber"),
                additional,
                line.get("countryOfOrigin"),
                line.get("countryOfExport"),
                line.get("manufacturerId"),
                line.get("description"),
                line.get("enteredValue"),
                line.get("quantity"),
                line.get("unit"),
                line.get("grossWeightKg"),
                line.get("relatedParty"),
                line.get("dutyAmount"),
                line.get("adcvdCaseNumber"),
                line.get("adcvdDeposit"),
                fees);
    }

    private static void readAdditional(
            JsonParser parser,
            JsonToken value,
            int index,
            List<String> additional,
            List<IntakeError> errors,
            Long fileLine) {
        if (!isArray(parser, value, index, "additionalHtsNumbers", "an array of strings", errors, fileLine)) {
            return;
        }
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.VALUE_NULL) {
                errors.add(IntakeError.line(
                        index,
                        "additionalHtsNumbers",
                        "FIELD_TYPE",
                        "An additional HTS number is null; leave it out of the list instead" + where(fileLine) + "."));
            } else if (token.isScalarValue()) {
                additional.add(text(parser, token));
            } else {
                errors.add(IntakeError.line(
                        index,
                        "additionalHtsNumbers",
                        "FIELD_TYPE",
                        "Each additional HTS number must be a single value" + where(fileLine) + "."));
                parser.skipChildren();
            }
        }
    }

    private static void readFees(
            JsonParser parser,
            JsonToken value,
            int index,
            List<SubmittedEntrySummary.Fee> fees,
            List<IntakeError> errors,
            Long fileLine) {
        if (!isArray(parser, value, index, "fees", "an array of {classCode, amount}", errors, fileLine)) {
            return;
        }
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                errors.add(IntakeError.line(
                        index,
                        "fees",
                        "FIELD_TYPE",
                        "Each fee must be an object {classCode, amount}" + where(fileLine) + "."));
                parser.skipChildren();
                continue;
            }
            String classCode = null;
            String amount = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken field = parser.nextToken();
                if (name.equals("classCode") || name.equals("amount")) {
                    String read = scalar(parser, field, name, index, errors);
                    if ((name.equals("classCode") ? classCode : amount) != null) {
                        errors.add(twice(name, index, "fee", fileLine));
                    } else if (name.equals("classCode")) {
                        classCode = read;
                    } else {
                        amount = read;
                    }
                } else {
                    errors.add(IntakeError.line(
                            index,
                            "fees",
                            "UNKNOWN_FIELD",
                            "'" + Shown.value(name) + "' is not a field of a fee (classCode, amount)" + where(fileLine)
                                    + "."));
                    parser.skipChildren();
                }
            }
            fees.add(new SubmittedEntrySummary.Fee(classCode, amount));
        }
    }

    /** Whether a line field holds an array; null holds nothing, and anything else is reported and skipped. */
    private static boolean isArray(
            JsonParser parser,
            JsonToken value,
            int index,
            String field,
            String expected,
            List<IntakeError> errors,
            Long fileLine) {
        if (value == JsonToken.START_ARRAY) {
            return true;
        }
        if (value != JsonToken.VALUE_NULL) {
            errors.add(IntakeError.line(
                    index,
                    field,
                    "FIELD_TYPE",
                    "'" + Shown.value(field) + "' must be " + expected + where(fileLine) + "."));
            parser.skipChildren();
        }
        return false;
    }

    /** The text of a scalar field, or null; an array or object there is reported and skipped. */
    private static String scalar(
            JsonParser parser, JsonToken token, String field, Integer line, List<IntakeError> errors) {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            errors.add(new IntakeError(
                    line,
                    field,
                    "FIELD_TYPE",
                    "'" + Shown.value(field) + "' must be a single value, not "
                            + (token == JsonToken.START_ARRAY ? "an array" : "an object") + "."));
            parser.skipChildren();
            return null;
        }
        return text(parser, token);
    }

    private static String text(JsonParser parser, JsonToken token) {
        switch (token) {
            case VALUE_NUMBER_INT:
                return parser.getBigIntegerValue().toString();
            case VALUE_NUMBER_FLOAT:
                return plain(parser.getText());
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            default:
                return parser.getString();
        }
    }

    /**
     * A JSON number as the decimal it writes out to ({@code 1.5e2} as {@code 150}), or as written when it has an
     * exponent of more than four digits or would write out to more than {@value #MAX_PLAIN_DIGITS} digits: no amount,
     * quantity or weight has so many, so validation refuses it as written, and {@code 1e-999999999} is never expanded
     * into a billion digits.
     */
    private static String plain(String written) {
        int exponent = Math.max(written.indexOf('e'), written.indexOf('E'));
        if (exponent < 0) {
            return written;
        }
        String digits = written.substring(exponent + 1).replace("+", "").replace("-", "");
        if (digits.length() > 4) {
            return written;
        }
        BigDecimal number = new BigDecimal(written);
        return Math.abs((long) number.scale()) + number.precision() > MAX_PLAIN_DIGITS
                ? written
                : number.toPlainString();
    }

    /** Where a record stands in its file, for messages: built only when there is something to report. */
    private static String where(Long fileLine) {
        return fileLine == null ? "" : " (file line " + fileLine + ")";
    }

    private static ReadRecord syntax(int position, String message) {
        return new ReadRecord.Unreadable(position, null, List.of(IntakeError.header(null, "JSON_SYNTAX", message)));
    }

    /** A field given twice in one object: which value the filer meant is unknown, so neither is taken. */
    private static IntakeError twice(String name, Integer line, String object, Long fileLine) {
        return IntakeError.line(
                line,
                name,
                "DUPLICATE_FIELD",
                "'" + Shown.value(name) + "' is given more than once in the " + object + where(fileLine)
                        + "; give each field once.");
    }

    /** The scalar fields of one JSON object, by name. */
    private static final class Fields {
        private final Map<String, Integer> index;
        private final String[] values;
        private final boolean[] seen;

        Fields(Map<String, Integer> index) {
            this.index = index;
            this.values = new String[index.size()];
            this.seen = new boolean[index.size()];
        }

        boolean accepts(String name) {
            return index.containsKey(name) && !name.equals("additionalHtsNumbers") && !name.equals("fees");
        }

        /** Keeps a field's value; false, keeping the first, when the object held the field already. */
        boolean put(String name, String value) {
            int at = index.get(name);
            if (seen[at]) {
                return false;
            }
            seen[at] = true;
            values[at] = value;
            return true;
        }

        String get(String name) {
            return values[index.get(name)];
        }
    }

    private static Map<String, Integer> positions(List<String> names) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            positions.put(names.get(i), i);
        }
        return Map.copyOf(positions);
    }

    @Override
    public void close() {
        if (bytes != null) {
            bytes.close();
            return;
        }
        try {
            text.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

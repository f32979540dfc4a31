package io.centerline.entries.intake;

import io.centerline.entries.IntakeError;
import io.centerline.entries.SubmittedEntrySummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads newline-delimited JSON: one entry summary object per line, blank lines ignored. Field names are exactly those
 * of {@link SubmittedEntrySummary}; a field Centerline does not know, a malformed line or a value of the wrong JSON
 * type makes that one record unreadable and reading goes on.
 */
public final class JsonSummaryReader implements SummaryReader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static final Set<String> FEE_FIELDS = Set.of("classCode", "amount");

    private final BufferedReader in;
    private int position;
    private long fileLine;
    private ReadRecord next;

    public JsonSummaryReader(Reader in) {
        this.in = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in, 1 << 16);
    }

    /** Reads one JSON object (the body of a single submission) as the record at a position. */
    public static ReadRecord readObject(String json, int position) {
        try {
            return fromNode(JSON.readTree(json), position, null);
        } catch (JacksonException e) {
            return new ReadRecord.Unreadable(
                    position,
                    null,
                    List.of(IntakeError.header(
                            null, "JSON_SYNTAX", "The body is not a JSON object: " + e.getOriginalMessage())));
        }
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
        try {
            String line;
            while ((line = in.readLine()) != null) {
                fileLine++;
                if (line.isBlank()) {
                    continue;
                }
                position++;
                try {
                    return fromNode(JSON.readTree(line), position, fileLine);
                } catch (JacksonException e) {
                    return new ReadRecord.Unreadable(
                            position,
                            null,
                            List.of(IntakeError.header(
                                    null,
                                    "JSON_SYNTAX",
                                    "File line " + fileLine + " is not a JSON object: " + e.getOriginalMessage())));
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReadRecord fromNode(JsonNode node, int position, Long fileLine) {
        String where = fileLine == null ? "" : " (file line " + fileLine + ")";
        if (node == null || !node.isObject()) {
            return new ReadRecord.Unreadable(
                    position,
                    null,
                    List.of(IntakeError.header(null, "JSON_SYNTAX", "A summary must be a JSON object" + where + ".")));
        }
        List<IntakeError> errors = new ArrayList<>();
        String entryNumber = scalar(node, "entryNumber", null, errors);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!SummaryFields.HEADER.contains(field.getKey())
                    && !field.getKey().equals("lines")) {
                errors.add(IntakeError.header(
                        field.getKey(),
                        "UNKNOWN_FIELD",
                        "'" + field.getKey() + "' is not a field of an entry summary" + where + "."));
            }
        }
        List<SubmittedEntrySummary.Line> lines = new ArrayList<>();
        JsonNode lineNodes = node.get("lines");
        if (lineNodes != null && !lineNodes.isNull() && !lineNodes.isArray()) {
            errors.add(IntakeError.header("lines", "FIELD_TYPE", "'lines' must be a JSON array" + where + "."));
        } else if (lineNodes != null && lineNodes.isArray()) {
            int index = 0;
            for (JsonNode lineNode : lineNodes) {
                index++;
                if (!lineNode.isObject()) {
                    errors.add(IntakeError.line(
                            index,
                            "lines",
                            "FIELD_TYPE",
                            "Line item " + index + " must be a JSON object" + where + "."));
                    continue;
                }
                lines.add(line(lineNode, index, errors, where));
            }
        }
        SubmittedEntrySummary summary = new SubmittedEntrySummary(
                entryNumber,
                scalar(node, "entryType", null, errors),
                scalar(node, "importerNumber", null, errors),
                scalar(node, "portOfEntry", null, errors),
                scalar(node, "entryDate", null, errors),
                scalar(node, "summaryDate", null, errors),
                scalar(node, "modeOfTransport", null, errors),
                scalar(node, "bondType", null, errors),
                scalar(node, "postSummaryCorrection", null, errors),
                scalar(node, "totalEnteredValue", null, errors),
                scalar(node, "totalDuty", null, errors),
                scalar(node, "totalFees", null, errors),
                lines);
        if (!errors.isEmpty()) {
            return new ReadRecord.Unreadable(position, entryNumber, errors);
        }
        return new ReadRecord.Parsed(position, summary);
    }

    private static SubmittedEntrySummary.Line line(JsonNode node, int index, List<IntakeError> errors, String where) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!SummaryFields.LINE.contains(field.getKey())) {
                errors.add(IntakeError.line(
                        index,
                        field.getKey(),
                        "UNKNOWN_FIELD",
                        "'" + field.getKey() + "' is not a field of a line item" + where + "."));
            }
        }
        List<String> additional = new ArrayList<>();
        JsonNode additionalNodes = node.get("additionalHtsNumbers");
        if (additionalNodes != null && !additionalNodes.isNull()) {
            if (!additionalNodes.isArray()) {
                errors.add(IntakeError.line(
                        index,
                        "additionalHtsNumbers",
                        "FIELD_TYPE",
                        "'additionalHtsNumbers' must be an array of strings" + where + "."));
            } else {
                for (JsonNode number : additionalNodes) {
                    if (number.isValueNode()) {
                        additional.add(number.isNull() ? null : number.asString());
                    } else {
                        errors.add(IntakeError.line(
                                index,
                                "additionalHtsNumbers",
                                "FIELD_TYPE",
                                "Each additional HTS number must be a single value" + where + "."));
                    }
                }
            }
        }
        List<SubmittedEntrySummary.Fee> fees = new ArrayList<>();
        JsonNode feeNodes = node.get("fees");
        if (feeNodes != null && !feeNodes.isNull()) {
            if (!feeNodes.isArray()) {
                errors.add(IntakeError.line(
                        index, "fees", "FIELD_TYPE", "'fees' must be an array of {classCode, amount}" + where + "."));
            } else {
                for (JsonNode fee : feeNodes) {
                    if (!fee.isObject()) {
                        errors.add(IntakeError.line(
                                index,
                                "fees",
                                "FIELD_TYPE",
                                "Each fee must be an object {classCode, amount}" + where + "."));
                        continue;
                    }
                    for (Map.Entry<String, JsonNode> field : fee.properties()) {
                        if (!FEE_FIELDS.contains(field.getKey())) {
                            errors.add(IntakeError.line(
                                    index,
                                    "fees",
                                    "UNKNOWN_FIELD",
                                    "'" + field.getKey() + "' is not a field of a fee (classCode, amount)" + where
                                            + "."));
                        }
                    }
                    fees.add(new SubmittedEntrySummary.Fee(
                            scalar(fee, "classCode", index, errors), scalar(fee, "amount", index, errors)));
                }
            }
        }
        return new SubmittedEntrySummary.Line(
                scalar(node, "lineNumber", index, errors),
                scalar(node, "htsNumber", index, errors),
                additional,
                scalar(node, "countryOfOrigin", index, errors),
                scalar(node, "countryOfExport", index, errors),
                scalar(node, "manufacturerId", index, errors),
                scalar(node, "description", index, errors),
                scalar(node, "enteredValue", index, errors),
                scalar(node, "quantity", index, errors),
                scalar(node, "unit", index, errors),
                scalar(node, "grossWeightKg", index, errors),
                scalar(node, "relatedParty", index, errors),
                scalar(node, "dutyAmount", index, errors),
                scalar(node, "adcvdCaseNumber", index, errors),
                scalar(node, "adcvdDeposit", index, errors),
                fees);
    }

    /** The text of a scalar field (strings as they are, numbers and booleans as written), or null when absent. */
    private static String scalar(JsonNode node, String field, Integer line, List<IntakeError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            errors.add(new IntakeError(
                    line,
                    field,
                    "FIELD_TYPE",
                    "'" + field + "' must be a single value, not " + (value.isArray() ? "an array" : "an object")
                            + "."));
            return null;
        }
        if (value.isNumber()) {
            return value.isIntegralNumber()
                    ? value.bigIntegerValue().toString()
                    : value.decimalValue().toPlainString();
        }
        return value.asString();
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

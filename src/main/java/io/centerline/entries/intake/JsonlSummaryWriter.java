package io.centerline.entries.intake;

import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.SubmittedEntrySummary.Fee;
import io.centerline.entries.SubmittedEntrySummary.Line;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes entry summaries as NDJSON: one JSON object per line, named as the fields of {@link SubmittedEntrySummary}.
 * {@code postSummaryCorrection} and {@code relatedParty} are JSON booleans when they read "true" or "false",
 * {@code lineNumber} is a JSON number when it is an integer, money and every other value is a JSON string, null fields
 * are omitted, and {@code additionalHtsNumbers} and {@code fees} are arrays, omitted when empty.
 */
public final class JsonlSummaryWriter implements SummaryWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final Writer out;
    private final StringWriter buffer = new StringWriter();

    public JsonlSummaryWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(SubmittedEntrySummary summary) {
        buffer.getBuffer().setLength(0);
        try (JsonGenerator json = JSON.createGenerator(buffer)) {
            json.writeStartObject();
            string(json, "entryNumber", summary.entryNumber());
            string(json, "entryType", summary.entryType());
            string(json, "importerNumber", summary.importerNumber());
            string(json, "portOfEntry", summary.portOfEntry());
            string(json, "entryDate", summary.entryDate());
            string(json, "summaryDate", summary.summaryDate());
            string(json, "modeOfTransport", summary.modeOfTransport());
            string(json, "bondType", summary.bondType());
            flag(json, "postSummaryCorrection", summary.postSummaryCorrection());
            string(json, "totalEnteredValue", summary.totalEnteredValue());
            string(json, "totalDuty", summary.totalDuty());
            string(json, "totalFees", summary.totalFees());
            json.writeArrayPropertyStart("lines");
            for (Line line : summary.lines()) {
                line(json, line);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        try {
            out.write(buffer.toString());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(JsonGenerator json, Line line) {
        json.writeStartObject();
        if (line.lineNumber() != null && line.lineNumber().matches("\\d{1,9}")) {
            json.writeName("lineNumber");
            json.writeNumber(Integer.parseInt(line.lineNumber()));
        } else {
            string(json, "lineNumber", line.lineNumber());
        }
        string(json, "htsNumber", line.htsNumber());
        if (!line.additionalHtsNumbers().isEmpty()) {
            json.writeArrayPropertyStart("additionalHtsNumbers");
            for (String number : line.additionalHtsNumbers()) {
                json.writeString(number);
            }
            json.writeEndArray();
        }
        string(json, "countryOfOrigin", line.countryOfOrigin());
        string(json, "countryOfExport", line.countryOfExport());
        string(json, "manufacturerId", line.manufacturerId());
        string(json, "description", line.description());
        string(json, "enteredValue", line.enteredValue());
        string(json, "quantity", line.quantity());
        string(json, "unit", line.unit());
        string(json, "grossWeightKg", line.grossWeightKg());
        flag(json, "relatedParty", line.relatedParty());
        string(json, "dutyAmount", line.dutyAmount());
        string(json, "adcvdCaseNumber", line.adcvdCaseNumber());
        string(json, "adcvdDeposit", line.adcvdDeposit());
        if (!line.fees().isEmpty()) {
            json.writeArrayPropertyStart("fees");
            for (Fee fee : line.fees()) {
                json.writeStartObject();
                string(json, "classCode", fee.classCode());
                string(json, "amount", fee.amount());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void string(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.writeStringProperty(name, value);
        }
    }

    private static void flag(JsonGenerator json, String name, String value) {
        if ("true".equals(value) || "false".equals(value)) {
            json.writeBooleanProperty(name, Boolean.parseBoolean(value));
        } else {
            string(json, name, value);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
